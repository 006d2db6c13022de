package org.chat.loadtest.bench;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.chat.loadtest.tokens.TokenSettings;

/**
 * Idle authenticated connections on the first gateway: tokens are fetched first (not timed), then
 * {@code connections} sockets connect on Netty (WebSocket upgrade, Engine.IO open, Socket.IO CONNECT with the
 * token, at most {@code connectParallel} in flight) from several loopback source addresses in turn so the
 * client's ephemeral ports do not run out. Reports the accept rate, the CPU every process (the bench client
 * included) used while connecting, so a reader sees which side was the limit, and the gateway's resident memory
 * growth per connection.
 */
final class ConnectionBench {

	private final BenchSettings settings;

	private final ProcessStats stats;

	ConnectionBench(BenchSettings settings, ProcessStats stats) {
		this.settings = settings;
		this.stats = stats;
	}

	Map<String, Object> run() throws Exception {
		URI gateway = this.settings.gateways().get(0);
		String name = this.settings.gatewayProcess(gateway);
		List<String> tokens = tokens(gateway, this.settings.connections(), this.settings.tokens());
		InetSocketAddress target = new InetSocketAddress(ipv4(gateway.getHost()), gateway.getPort());
		List<InetAddress> sources = new ArrayList<>();
		for (String host : this.settings.connectHosts()) {
			sources.add(InetAddress.getByName(host));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		try (NettySioClient client = new NettySioClient(this.settings.clientEventLoops(),
				Duration.ofSeconds(this.settings.handshakeTimeoutSeconds()))) {
			System.gc();
			long rssBefore = this.stats.rssKib(name);
			Histogram handshakeMicros = new ConcurrentHistogram(60_000_000L, 3);
			CpuWindow cpu = CpuWindow.start(this.stats);
			long start = System.nanoTime();
			List<CompletableFuture<Channel>> futures = Clients.bounded(tokens.size(), this.settings.connectParallel(),
					i -> {
						long begin = System.nanoTime();
						return client.connect(target, sources.get(i % sources.size()), tokens.get(i))
							.whenComplete((c, e) -> handshakeMicros
								.recordValue(Math.min(60_000_000L, (System.nanoTime() - begin) / 1000)));
					});
			int connected = 0;
			Map<String, Integer> failures = new LinkedHashMap<>();
			for (CompletableFuture<Channel> future : futures) {
				try {
					future.get(this.settings.handshakeTimeoutSeconds() + 30L, TimeUnit.SECONDS);
					connected++;
				}
				catch (Exception ex) {
					failures.merge(reason(ex), 1, Integer::sum);
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Map<String, Object> cpuPercent = cpu.stop();
			long rssConnected = this.stats.rssKib(name);
			Thread.sleep(TimeUnit.SECONDS.toMillis(this.settings.drainSeconds())); // idle: heartbeats, lazy growth
			long rssIdle = this.stats.rssKib(name);
			result.put("gateway", name);
			result.put("client", "netty " + this.settings.clientEventLoops() + " event loops");
			result.put("connected", connected);
			result.put("failed", tokens.size() - connected);
			result.put("failures", failures);
			result.put("connectSeconds", seconds);
			result.put("acceptRatePerSecond", connected / seconds);
			result.put("handshakeMs", Results.percentiles(handshakeMicros));
			result.put("clientCpuPercent", cpuPercent.get(CpuWindow.SELF));
			result.put("gatewayCpuPercent", cpuPercent.get(name));
			result.put("cpuPercentDuringConnect", cpuPercent);
			result.put("openAfterIdle", client.open());
			result.put("droppedWhileIdle", client.dropped());
			result.put("rssBeforeKib", rssBefore);
			result.put("rssConnectedKib", rssConnected);
			result.put("rssAfterIdleKib", rssIdle);
			result.put("rssGrowthPerConnectionKib", (connected == 0) ? null : (rssIdle - rssBefore) / (double) connected);
		}
		Thread.sleep(2000); // let the gateway see the closes before a following bench
		return result;
	}

	/** Tokens for every socket (not timed: the bench measures connecting, not issuing). */
	private static List<String> tokens(URI gateway, int count, TokenSettings tokenSettings) throws Exception {
		String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		List<String> tokens = new ArrayList<>(count);
		try (Clients clients = new Clients(tokenSettings)) {
			for (CompletableFuture<String> token : Clients.bounded(count, 64,
					i -> clients.tokens.issue(gateway, "idle-" + run + "-" + i))) {
				tokens.add(token.get(60, TimeUnit.SECONDS));
			}
		}
		return tokens;
	}

	/** The gateway's IPv4 address: the source addresses are IPv4 loopback ones ("localhost" may be ::1 first). */
	private static InetAddress ipv4(String host) throws UnknownHostException {
		return Arrays.stream(InetAddress.getAllByName(host))
			.filter(Inet4Address.class::isInstance)
			.findFirst()
			.orElseThrow(() -> new UnknownHostException("no IPv4 address for " + host));
	}

	private static String reason(Exception ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName();
	}

}

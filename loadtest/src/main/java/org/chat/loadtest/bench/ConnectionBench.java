package org.chat.loadtest.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.chat.loadtest.socketio.SioFrames;

/**
 * Idle authenticated connections on the first gateway: tokens are fetched first (not timed), then
 * {@code connections} sockets connect (WebSocket upgrade, Engine.IO open, Socket.IO CONNECT with the token,
 * at most {@code connectParallel} in flight) spread over several loopback addresses so the client's ephemeral
 * ports do not run out. Reports the accept rate and the gateway's resident memory growth per connection.
 */
final class ConnectionBench {

	private static final WsConnection.FrameHandler IGNORE = (connection, frame) -> {
	};

	/** A handshake not answered by then counts as failed (and frees its slot). */
	private static final long CONNECT_TIMEOUT_SECONDS = 30;

	private final BenchSettings settings;

	private final ProcessStats stats;

	ConnectionBench(BenchSettings settings, ProcessStats stats) {
		this.settings = settings;
		this.stats = stats;
	}

	Map<String, Object> run() throws Exception {
		URI gateway = this.settings.gateways().get(0);
		String name = Gateways.processName(gateway);
		int count = this.settings.connections();
		String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		Map<String, Object> result = new LinkedHashMap<>();
		try (Clients clients = new Clients()) {
			List<String> tokens = new ArrayList<>(count);
			for (CompletableFuture<String> token : Clients.bounded(count, 64,
					i -> clients.tokens.issue(gateway, "idle-" + run + "-" + i))) {
				tokens.add(token.get(60, TimeUnit.SECONDS));
			}
			System.gc();
			long rssBefore = this.stats.rssKib(name);
			Histogram handshakeMicros = new Histogram(60_000_000L, 3);
			long start = System.nanoTime();
			List<CompletableFuture<WsConnection>> futures = Clients.bounded(count, this.settings.connectParallel(), i -> {
				long begin = System.nanoTime();
				return WsConnection.open(clients.http, socketUri(gateway, i), i, tokens.get(i), IGNORE)
					.orTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
					.whenComplete((c, e) -> record(handshakeMicros, System.nanoTime() - begin));
			});
			List<WsConnection> open = new ArrayList<>();
			int failed = 0;
			for (CompletableFuture<WsConnection> future : futures) {
				try {
					open.add(future.get(60, TimeUnit.SECONDS));
				}
				catch (Exception ex) {
					failed++;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long rssConnected = this.stats.rssKib(name);
			Thread.sleep(TimeUnit.SECONDS.toMillis(this.settings.drainSeconds())); // idle: heartbeats, lazy growth
			long rssIdle = this.stats.rssKib(name);
			result.put("gateway", name);
			result.put("connected", open.size());
			result.put("failed", failed);
			result.put("connectSeconds", seconds);
			result.put("acceptRatePerSecond", open.size() / seconds);
			result.put("handshakeMs", Results.percentiles(handshakeMicros));
			result.put("rssBeforeKib", rssBefore);
			result.put("rssConnectedKib", rssConnected);
			result.put("rssAfterIdleKib", rssIdle);
			result.put("rssGrowthPerConnectionKib", open.isEmpty() ? null : (rssIdle - rssBefore) / (double) open.size());
			open.forEach(WsConnection::close);
			Thread.sleep(2000);
		}
		return result;
	}

	private URI socketUri(URI gateway, int index) {
		String host = this.settings.connectHosts().get(index % this.settings.connectHosts().size());
		return URI.create("ws://" + host + ":" + gateway.getPort() + SioFrames.WS_PATH);
	}

	private static void record(Histogram histogram, long nanos) {
		synchronized (histogram) {
			histogram.recordValue(Math.min(60_000_000L, nanos / 1000));
		}
	}

}

package org.chat.loadtest.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * The fixed chat workload: {@code users} connected and registered users spread over the gateways, in pairs whose
 * partners sit on different gateways; an open-model pacer sends {@code rate} messages/s (user {@code seq % users}
 * to its partner), first {@code warmup} s unmeasured, then {@code duration} s measured; then waits for the
 * last acks and deliveries while they still come ({@link #drain}). One-way latency is taken at the recipient against the
 * scheduled send time, on this JVM's clock. During the measured window, {@link ReconnectToSynced} clients keep
 * dropping and coming back on the other gateway.
 */
final class ChatBench implements WsConnection.FrameHandler {

	private static final String RECEIVE = "42[\"receive_private_message\"";

	private static final String PADDING = " lorem ipsum dolor sit amet consectetur adipiscing";

	private final BenchSettings settings;

	private final ReconnectSettings reconnectSettings;

	private final ProcessStats stats;

	private final MessageLedger ledger;

	private final CountDownLatch registered;

	ChatBench(BenchSettings settings, ReconnectSettings reconnectSettings, ProcessStats stats) {
		this.settings = settings;
		this.reconnectSettings = reconnectSettings;
		this.stats = stats;
		int warmupMessages = settings.rate() * settings.warmupSeconds();
		int capacity = warmupMessages + settings.rate() * settings.durationSeconds();
		this.ledger = new MessageLedger(capacity, warmupMessages, settings.firstSeconds()
			.stream()
			.mapToInt(seconds -> Math.min(capacity, seconds * settings.rate()))
			.toArray());
		this.registered = new CountDownLatch(settings.users());
	}

	Map<String, Object> run() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		Gateways gateways = new Gateways(this.settings, this.stats);
		try (Clients clients = new Clients(this.settings.tokens());
				ReconnectToSynced reconnects = new ReconnectToSynced(this.reconnectSettings)) {
			String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
			List<WsConnection> users = connect(clients, gateways, run);
			users.forEach(user -> user.send(SioFrames.register(0, userId(run, user.index()), userId(run, user.index()))));
			if (!this.registered.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("register_user not acked for " + this.registered.getCount() + " users");
			}
			reconnects.connect(clients, this.settings.gateways(), run);
			gateways.afterConnect(this.settings.users());
			Thread.sleep(2000); // user_list broadcasts of the registration settle
			CpuWindow cpu = CpuWindow.start(this.stats);
			CompletableFuture<HopWindow> hops = CompletableFuture.supplyAsync(
					() -> HopWindow.start(this.stats.runDir(), HopWindow.MESSAGE),
					CompletableFuture.delayedExecutor(this.settings.warmupSeconds(), TimeUnit.SECONDS));
			CompletableFuture<HopWindow> syncHops = CompletableFuture.supplyAsync(
					() -> HopWindow.start(this.stats.runDir(), Stream.concat(HopWindow.CONNECT.stream(),
							HopWindow.SYNC.stream()).toList()),
					CompletableFuture.delayedExecutor(this.settings.warmupSeconds(), TimeUnit.SECONDS));
			reconnects.startAfter(this.settings.warmupSeconds());
			long measuredStart = pace(users, run);
			long measuredEnd = System.nanoTime();
			Map<String, Object> cpuShare = cpu.stop();
			reconnects.stop();
			Map<String, Object> syncFigures = syncHops.get(30, TimeUnit.SECONDS).stop(); // the reconnects' pages only
			result.put("drainedSeconds", drain());
			result.put("results", Results.of(this.ledger.totals(this.ledger.capacity()), measuredEnd - measuredStart));
			Map<String, Object> hopFigures = hops.get(30, TimeUnit.SECONDS).stop();
			result.put("hops", hopFigures);
			System.out.println(HopWindow.summary("hops (ms since the sender's gateway accepted the send, p50 / p99):",
					hopFigures));
			result.put("firstSeconds", firstSeconds());
			if (this.reconnectSettings.clients() > 0) {
				Map<String, Object> reconnect = reconnects.finish();
				reconnect.put("syncHops", syncFigures);
				result.put("reconnectToSynced", reconnect);
				System.out.println(ReconnectToSynced.summary(reconnect));
				System.out.println(HopWindow.summary(
						"a reconnect at the gateways (ms, p50 / p99; CONNECT to its answer, sync pages since the "
								+ "gateway received sync_messages):", syncFigures));
			}
			result.put("cpuPercentOfOneCore", cpuShare);
			result.put("gateways", gateways.report());
			users.forEach(WsConnection::close);
		}
		return result;
	}

	private List<WsConnection> connect(Clients clients, Gateways gateways, String run) throws Exception {
		List<URI> uris = this.settings.gateways();
		List<CompletableFuture<WsConnection>> futures = Clients.bounded(this.settings.users(), 50, i -> {
			URI gateway = uris.get((i / 2 + i) % uris.size()); // partners (2k, 2k+1) on different gateways
			return clients.tokens.issue(gateway, userId(run, i))
				.thenCompose(token -> WsConnection.open(clients.http, Clients.socketUri(gateway), i, token, this))
				.orTimeout(60, TimeUnit.SECONDS);
		});
		List<WsConnection> users = new ArrayList<>();
		for (CompletableFuture<WsConnection> future : futures) {
			users.add(future.get(60, TimeUnit.SECONDS));
		}
		return users;
	}

	/** Sends every message at its scheduled time; returns the scheduled start of the measured window. */
	private long pace(List<WsConnection> users, String run) {
		int total = this.ledger.capacity();
		int warmupMessages = this.settings.rate() * this.settings.warmupSeconds();
		double intervalNanos = 1e9 / this.settings.rate();
		long start = System.nanoTime();
		for (int seq = 0; seq < total; seq++) {
			long due = start + (long) (seq * intervalNanos);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int sender = seq % users.size();
			int recipient = sender ^ 1;
			this.ledger.sent(seq, due);
			users.get(sender).send(SioFrames.sendPrivateMessage(seq + 1L, userId(run, recipient),
					"bench " + seq + PADDING, Integer.toString(seq)));
		}
		return start + (long) (warmupMessages * intervalNanos);
	}

	/**
	 * Latencies of the messages scheduled in the first N seconds of sending (warm-up included): on a stack just
	 * started, what its first users get while the JVMs are still loading classes and compiling.
	 */
	private Map<String, Object> firstSeconds() {
		Map<String, Object> windows = new LinkedHashMap<>();
		List<Integer> seconds = this.settings.firstSeconds();
		for (int i = 0; i < seconds.size(); i++) {
			Histogram[] latencies = this.ledger.first(i);
			Map<String, Object> window = new LinkedHashMap<>();
			window.put("oneWayLatencyMs", Results.percentiles(latencies[0]));
			window.put("ackLatencyMs", Results.percentiles(latencies[1]));
			windows.put(Integer.toString(seconds.get(i)), window);
			System.out.printf("first %d s of sending: one-way p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d messages); ack p50 %.1f ms, p99 %.1f ms%n",
					seconds.get(i), latencies[0].getValueAtPercentile(50) / 1000.0,
					latencies[0].getValueAtPercentile(99) / 1000.0, latencies[0].getMaxValue() / 1000.0,
					latencies[0].getTotalCount(), latencies[1].getValueAtPercentile(50) / 1000.0,
					latencies[1].getValueAtPercentile(99) / 1000.0);
		}
		return windows;
	}

	/**
	 * Waits for the last acks and deliveries until none is in flight, or none arrived for {@code drain} s, or
	 * {@link FinalSyncRounds#CAP_SECONDS} passed: a stack seconds behind its backlog still delivers what it
	 * acknowledged, and a fixed wait counted those deliveries as lost. @return seconds drained
	 */
	private double drain() throws InterruptedException {
		long start = System.nanoTime();
		long cap = start + TimeUnit.SECONDS.toNanos(FinalSyncRounds.CAP_SECONDS);
		long quiet = TimeUnit.SECONDS.toNanos(this.settings.drainSeconds());
		long lastProgress = start;
		long inFlight = this.ledger.inFlight(this.ledger.capacity());
		while (inFlight > 0 && System.nanoTime() - lastProgress < quiet && System.nanoTime() < cap) {
			Thread.sleep(100);
			long now = this.ledger.inFlight(this.ledger.capacity());
			if (now < inFlight) {
				inFlight = now;
				lastProgress = System.nanoTime();
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	@Override
	public void onFrame(WsConnection connection, String frame) {
		long now = System.nanoTime();
		SioFrame.Kind kind = SioFrame.kind(frame);
		if (kind == SioFrame.Kind.ACK) {
			long id = SioFrame.ackId(frame);
			if (id == 0) {
				this.registered.countDown();
			}
			else {
				this.ledger.acked((int) (id - 1), SioFrame.isOkAck(frame), now);
			}
		}
		else if (kind == SioFrame.Kind.EVENT && frame.startsWith(RECEIVE)) {
			String clientMessageId = SioFrame.eventArgument(frame).path("clientMessageId").stringValue(null);
			if (clientMessageId != null) {
				this.ledger.received(Integer.parseInt(clientMessageId), now);
			}
		}
	}

	private static String userId(String run, int index) {
		return "bench-" + run + "-" + index;
	}

}

package org.chat.loadtest.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The chat bench's "reconnect to synced" figure: while the fixed workload runs, {@link ReconnectingClient}s drop
 * their socket and come back on the other gateway again and again; each sample is the time from the drop to the
 * end of a complete sync chain (the page with {@code hasMore: false}). After the run each client syncs again until
 * it has what its partner got acknowledged or the time is up ({@link #finish}), and what its partner got
 * acknowledged is counted against what it received, live or by sync.
 */
final class ReconnectToSynced implements AutoCloseable {

	private static final long WAIT_SECONDS = 60;

	private final ReconnectSettings settings;

	private final ReconnectStats stats = new ReconnectStats();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "bench-reconnect");
		thread.setDaemon(true);
		return thread;
	});

	private final List<ReconnectingClient> clients = new ArrayList<>();

	ReconnectToSynced(ReconnectSettings settings) {
		this.settings = settings;
	}

	/** Connects the clients and their partners; each has synced once when this returns. */
	void connect(Clients http, List<URI> gateways, String run) throws Exception {
		List<CompletableFuture<Void>> ready = new ArrayList<>();
		for (int i = 0; i < this.settings.clients(); i++) {
			String userId = "bench-" + run + "-reconnect-" + i;
			String partnerId = "bench-" + run + "-partner-" + i;
			int index = i;
			URI partnerGateway = gateways.get((i + 1) % gateways.size());
			CompletableFuture<List<String>> tokens = CompletableFuture.completedFuture(new ArrayList<>());
			for (URI gateway : gateways) {
				tokens = tokens.thenCombine(http.tokens.issue(gateway, userId), (list, token) -> {
					list.add(token);
					return list;
				});
			}
			ready.add(tokens.thenCombine(http.tokens.issue(partnerGateway, partnerId), (userTokens, partnerToken) -> {
				ReconnectingClient client = new ReconnectingClient(index, userId, gateways, userTokens, http, this.timer,
						this.stats, this.settings.pauseMillis());
				synchronized (this.clients) {
					this.clients.add(client);
				}
				return client.connect(partnerToken);
			}).thenCompose(connected -> connected));
		}
		CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
	}

	/** Starts hopping and the partners' sends after {@code delaySeconds} (the workload's warm-up). */
	void startAfter(int delaySeconds) {
		this.timer.schedule(() -> this.clients.forEach(client -> client.start(this.settings.sendRate())),
				delaySeconds, TimeUnit.SECONDS);
	}

	void stop() {
		this.clients.forEach(ReconnectingClient::stop);
	}

	/**
	 * After the drain: one more sync per client, then {@link FinalSyncRounds} for every client still missing a message
	 * its partner got acknowledged.
	 */
	Map<String, Object> finish() throws InterruptedException {
		FinalSyncRounds.Outcome rounds = new FinalSyncRounds<>(
				() -> this.clients.stream().filter(ReconnectingClient::missesAcked).toList(),
				ReconnectingClient::syncOnceMore, Duration.ofSeconds(WAIT_SECONDS))
			.run(List.copyOf(this.clients));
		long acked = 0, received = 0, duplicates = 0;
		for (ReconnectingClient client : this.clients) {
			long[] tally = client.tally();
			acked += tally[0];
			received += tally[1];
			duplicates += tally[2];
		}
		Map<String, Object> report = this.stats.report();
		report.put("settings", this.settings.describe());
		report.put("acked", acked);
		report.put("received", received);
		report.put("lost", acked - received);
		report.put("duplicates", duplicates);
		report.put("finalSyncRounds", rounds.rounds());
		report.put("finalSyncFailed", rounds.unfinished());
		return report;
	}

	/**
	 * One line for the console: p50/p99/max and the count, against the 500 ms target, then the two parts (drop to
	 * the new socket's CONNECT, CONNECT to the last page) and the tally.
	 */
	static String summary(Map<String, Object> report) {
		Map<?, ?> latency = (Map<?, ?>) report.get("latencyMs");
		Map<?, ?> connect = (Map<?, ?>) report.get("dropToConnectedMs");
		Map<?, ?> sync = (Map<?, ?>) report.get("connectedToSyncedMs");
		return String.format(Locale.ROOT,
				"reconnect to synced: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d reconnects (target p99 <= 500 ms; "
						+ "drop to connected p50 %.0f / p99 %.0f ms, connected to synced p50 %.0f / p99 %.0f ms); "
						+ "acked %d, lost %d",
				latency.get("p50"), latency.get("p99"), latency.get("max"), latency.get("count"), connect.get("p50"),
				connect.get("p99"), sync.get("p50"), sync.get("p99"), report.get("acked"), report.get("lost"));
	}

	@Override
	public void close() {
		this.clients.forEach(ReconnectingClient::close);
		this.timer.shutdownNow();
	}

}

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Recorder;
import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * {@code ./chat bench storm}: {@code stormClients} sockets on the first gateway, whose process is then killed
 * (SIGKILL); every client reconnects to the surviving gateways as an official client would ({@link StormClient})
 * and syncs. Reports the time from the kill until each client was reconnected and until it was synced (p50, p99,
 * max), and, from {@code stormSenders} sockets on the survivors writing to random storm users at
 * {@code stormSendRate} from before the kill to the end, every acknowledged message against what its recipient
 * received live or by sync (after one more sync per recipient): lost must be 0.
 */
final class ReconnectStorm {

	private static final long MAX_MICROS = 600_000_000L;

	/** How the gateway goes away: the real bench kills its process, the test closes a fake gateway. */
	interface Victim {

		/** Kills it; returns once it is gone. */
		void kill() throws Exception;

		/** What happened to it afterwards (e.g. restarted by the supervisor), for the report. */
		Map<String, Object> report();

	}

	private final BenchSettings settings;

	private final StormSettings storm;

	private final ProcessStats stats;

	private final Victim victim;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "bench-storm");
		thread.setDaemon(true);
		return thread;
	});

	private final Recorder reconnectedMicros = new Recorder(MAX_MICROS, 3);

	private final Recorder syncedMicros = new Recorder(MAX_MICROS, 3);

	private final AtomicInteger reconnected = new AtomicInteger();

	private final AtomicInteger synced = new AtomicInteger();

	/** Clients whose current socket has not synced since the kill (one that lost its new socket is back in). */
	private final Set<StormClient> unsynced = ConcurrentHashMap.newKeySet();

	private final AtomicLong attempts = new AtomicLong();

	private final AtomicLong connectFailures = new AtomicLong();

	private final Map<String, AtomicLong> connectFailureCauses = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

	private final AtomicLong syncPages = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private volatile long killedAt;

	/** Set before the client closes its sockets at the end: those closes are not a storm. */
	private volatile boolean ending;

	ReconnectStorm(BenchSettings settings, StormSettings storm, ProcessStats stats, Victim victim) {
		this.settings = settings;
		this.storm = storm;
		this.stats = stats;
		this.victim = victim;
	}

	/** The victim of a {@code ./chat up} stack: the process of the first gateway, by its pid file. */
	static Victim process(ProcessStats stats, String name) {
		return new Victim() {

			private final Map<String, Object> report = new LinkedHashMap<>();

			@Override
			public void kill() throws Exception {
				ProcessHandle process = stats.liveProcess(name)
					.orElseThrow(() -> new IllegalStateException("no live " + name + " by its pid file in " + stats.runDir()));
				this.report.put("process", name);
				this.report.put("killedPid", process.pid());
				long start = System.nanoTime();
				process.destroyForcibly(); // SIGKILL: no drain, the clients see their sockets reset
				process.onExit().get(10, TimeUnit.SECONDS);
				this.report.put("exitedAfterMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
				Thread watcher = new Thread(() -> watchRestart(process.pid(), start), "bench-storm-restart");
				watcher.setDaemon(true);
				watcher.start();
			}

			/** The supervisor restarts a dead child after ~1 s: its start-up shares the CPU with the storm. */
			private void watchRestart(long killedPid, long start) {
				while (!Thread.currentThread().isInterrupted()) {
					var now = stats.liveProcess(name);
					if (now.isPresent() && now.get().pid() != killedPid) {
						synchronized (this.report) {
							this.report.put("restartedBySupervisor", true);
							this.report.put("restartedPid", now.get().pid());
							this.report.put("restartedAfterMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
						}
						return;
					}
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}

			@Override
			public Map<String, Object> report() {
				synchronized (this.report) {
					Map<String, Object> copy = new LinkedHashMap<>(this.report);
					copy.putIfAbsent("restartedBySupervisor", false);
					return copy;
				}
			}
		};
	}

	Map<String, Object> run() throws Exception {
		List<URI> gateways = this.settings.gateways();
		if (gateways.size() < 2) {
			throw new IllegalArgumentException("the storm needs at least two gateways (-Dgateways): one to kill, one to come back to");
		}
		URI first = gateways.get(0);
		InetSocketAddress target = address(first);
		List<InetSocketAddress> survivors = new ArrayList<>();
		for (URI gateway : gateways.subList(1, gateways.size())) {
			survivors.add(address(gateway));
		}
		List<InetAddress> sources = new ArrayList<>();
		for (String host : this.settings.connectHosts()) {
			sources.add(InetAddress.getByName(host));
		}
		int n = this.storm.clients();
		String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		List<String> tokens = tokens(first, n, this.storm.senders(), run);
		String victimName = this.settings.gatewayProcess(first);
		Map<String, Object> result = new LinkedHashMap<>();
		try (NettySioClient client = new NettySioClient(this.settings.clientEventLoops(),
				Duration.ofSeconds(this.settings.handshakeTimeoutSeconds()))) {
			try {
				AtomicInteger sourceTurn = new AtomicInteger();
				StormClient.StormNetwork network = network(client, survivors, sources, sourceTurn);
				List<StormClient> clients = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					clients.add(new StormClient(i, "storm-" + run + "-" + i, tokens.get(i), network, this.duplicates));
				}
				// 1. everyone on the first gateway
				long connectStart = System.nanoTime();
				List<CompletableFuture<Channel>> first0 = Clients.bounded(n, this.settings.connectParallel(), i -> client
					.connect(target, sources.get(i % sources.size()), tokens.get(i), clients.get(i)::onFrame)
					.thenApply(channel -> {
						clients.get(i).connected(channel);
						return channel;
					}));
				List<StormClient> storming = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					try {
						first0.get(i).get(this.settings.handshakeTimeoutSeconds() + 30L, TimeUnit.SECONDS);
						storming.add(clients.get(i));
					}
					catch (Exception ex) {
						// not connected: not part of the storm (counted below)
					}
				}
				double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
				System.out.printf(Locale.ROOT, "storm: %d of %d connected to %s in %.1f s%n", storming.size(), n, first,
						connectSeconds);
				// 2. senders on the survivors, writing to the storm's users from before the kill to the end
				Senders senders = new Senders(client, survivors, sources, tokens.subList(n, tokens.size()), storming);
				senders.connect();
				senders.start(this.storm.sendRate());
				Thread.sleep(2000);
				// 3. the kill
				long listFrames = client.userListFrames();
				long listBytes = client.userListBytes();
				CpuWindow cpu = CpuWindow.start(this.stats);
				DisconnectWindow disconnects = DisconnectWindow.start(this.stats.runDir());
				HopWindow connects = HopWindow.start(this.stats.runDir(), HopWindow.CONNECT);
				this.unsynced.addAll(storming);
				this.killedAt = System.nanoTime();
				this.victim.kill();
				long deadline = this.killedAt + TimeUnit.SECONDS.toNanos(this.storm.timeoutSeconds());
				while (!this.unsynced.isEmpty() && System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
				double stormSeconds = (System.nanoTime() - this.killedAt) / 1e9;
				listFrames = client.userListFrames() - listFrames;
				listBytes = client.userListBytes() - listBytes;
				Map<String, Object> cpuPercent = cpu.stop();
				Map<String, Long> socketsEnded = disconnects.stop();
				Map<String, Object> connectHops = connects.stop();
				cpuPercent.remove(victimName); // its pid file names the restarted process by now
				senders.stop();
				// 4. drain: the last acks; then the final sync rounds for every recipient still missing an acked message
				senders.awaitAcks(this.settings.drainSeconds());
				Thread.sleep(TimeUnit.SECONDS.toMillis(this.settings.drainSeconds()));
				List<StormClient> missing = senders.recipientsMissingMessages();
				int finalSyncs = missing.size();
				FinalSyncRounds.Outcome rounds = new FinalSyncRounds<>(senders::recipientsMissingMessages,
						recipient -> recipient.syncOnceMore(false), Duration.ofSeconds(FinalSyncRounds.CAP_SECONDS))
					.run(missing);
				long unfinished = rounds.unfinished();
				// a message still missing: stored but behind the recipient's token (the token skipped it), or not
				// found at all; a sync from the beginning tells the two apart
				List<String> examples = senders.missingExamples(5);
				long receivedByToken = senders.received();
				long duplicatesBefore = this.duplicates.get(); // a sync from the beginning repeats what arrived
				List<StormClient> stillMissing = (unfinished == 0) ? senders.recipientsMissingMessages() : List.of();
				List<CompletableFuture<Void>> fromStart = stillMissing.stream().map(c -> c.syncOnceMore(true)).toList();
				try {
					CompletableFuture.allOf(fromStart.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
				}
				catch (TimeoutException ex) {
					// counted below
				}
				Map<String, Object> messages = senders.tally();
				messages.put("finalSyncs", finalSyncs);
				messages.put("finalSyncRounds", rounds.rounds());
				messages.put("finalSyncIncomplete", unfinished);
				messages.put("duplicates", duplicatesBefore);
				messages.put("syncsFromStart", stillMissing.size());
				messages.put("syncsFromStartIncomplete", fromStart.stream().filter(sync -> !sync.isDone()).count());
				messages.put("foundOnlyFromStart", senders.received() - receivedByToken);
				if (!examples.isEmpty()) {
					System.out.println("acked, not received after the final syncs (up to 5): " + examples);
				}

				result.put("gateway", victimName);
				result.put("survivors", gateways.subList(1, gateways.size()).stream().map(this.settings::gatewayProcess).toList());
				result.put("client", "netty " + this.settings.clientEventLoops() + " event loops");
				result.put("clients", n);
				result.put("connectedBeforeKill", storming.size());
				result.put("initialConnectSeconds", connectSeconds);
				result.put("killed", this.victim.report());
				result.put("stormSeconds", stormSeconds);
				result.put("reconnects", this.reconnected.get());
				int incomplete = this.unsynced.size();
				result.put("synced", storming.size() - incomplete);
				result.put("incomplete", incomplete);
				// a client whose new socket was lost again syncs again: every complete sync is a sample
				result.put("syncs", this.synced.get());
				// both over the synced clients: when the socket that synced was connected, and when the sync ended
			result.put("reconnectedMs", Results.percentiles(this.reconnectedMicros.getIntervalHistogram()));
				result.put("syncedMs", Results.percentiles(this.syncedMicros.getIntervalHistogram()));
				result.put("reconnectAttempts", this.attempts.get());
				result.put("connectFailures", this.connectFailures.get());
				result.put("connectFailureCauses", Results.counts(this.connectFailureCauses));
				// the killed gateway's sockets are not in it (its process is gone): what ended on the others, and why
				result.put("gatewayDisconnects", socketsEnded);
				// the survivors' own view: how long a CONNECT waited for its answer there (the kill's window)
				result.put("connectAtGateways", connectHops);
				result.put("syncPages", this.syncPages.get());
				Map<String, Long> refused = Results.counts(this.refusals);
				result.put("refusedPages", Results.total(refused));
				result.put("refusedPagesByCode", refused);
				result.put("messages", messages);
				// what presence cost the clients: every socket gets every user_list its gateway writes
				Map<String, Object> lists = new LinkedHashMap<>();
				lists.put("frames", listFrames);
				lists.put("megabytes", listBytes / 1e6);
				result.put("userListsDuringStorm", lists);
				result.put("cpuPercentDuringStorm", cpuPercent);
				result.put("settings", this.storm.describe());
				System.out.println(summary(result));
				System.out.println(HopWindow.summary("CONNECT to its answer at the other gateways (ms, p50 / p99):",
						connectHops));
				System.out.printf(Locale.ROOT,
						"failed connect attempts by cause: %s%nsockets ended on the other gateways by reason: %s%n"
								+ "sync pages refused by code: %s%n",
						result.get("connectFailureCauses"), socketsEnded, result.get("refusedPagesByCode"));
			}
			finally {
				this.ending = true;
			}
		}
		finally {
			this.timer.shutdownNow();
		}
		return result;
	}

	/** One console line: the kill-to-synced percentiles and the message count. */
	static String summary(Map<String, Object> result) {
		Map<?, ?> syncedMs = (Map<?, ?>) result.get("syncedMs");
		Map<?, ?> reconnectedMs = (Map<?, ?>) result.get("reconnectedMs");
		Map<?, ?> messages = (Map<?, ?>) result.get("messages");
		return String.format(Locale.ROOT,
				"reconnect storm: %s of %s clients synced after the kill: p50 %.0f ms, p99 %.0f ms, max %.0f ms "
						+ "(reconnected p50 %.0f, p99 %.0f, max %.0f ms); acked %s, received %s, lost %s "
						+ "(final syncs not completed: %s)",
				result.get("synced"), result.get("connectedBeforeKill"), syncedMs.get("p50"), syncedMs.get("p99"),
				syncedMs.get("max"), reconnectedMs.get("p50"), reconnectedMs.get("p99"), reconnectedMs.get("max"),
				messages.get("acked"), messages.get("received"), messages.get("lost"), messages.get("finalSyncIncomplete"));
	}

	private StormClient.StormNetwork network(NettySioClient client, List<InetSocketAddress> survivors,
			List<InetAddress> sources, AtomicInteger sourceTurn) {
		return new StormClient.StormNetwork() {

			@Override
			public void connect(StormClient stormClient, InetSocketAddress gateway, String token) {
				attempts.incrementAndGet();
				InetAddress source = sources.get(Math.floorMod(sourceTurn.getAndIncrement(), sources.size()));
				client.connect(gateway, source, token, stormClient::onFrame).whenComplete((channel, error) -> {
					if (error != null) {
						stormClient.attemptFailed(error);
					}
					else {
						stormClient.reconnected(channel);
					}
				});
			}

			@Override
			public List<InetSocketAddress> survivors() {
				return survivors;
			}

			@Override
			public void schedule(Runnable task, long delayMillis) {
				if (!ending) {
					timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
				}
			}

			@Override
			public long reconnectDelayMillis() {
				return storm.reconnectDelayMillis();
			}

			@Override
			public void reconnected(StormClient stormClient, int attempts) {
				reconnected.incrementAndGet();
			}

			@Override
			public void lost(StormClient stormClient) {
				unsynced.add(stormClient);
			}

			@Override
			public void synced(StormClient stormClient, int pages, long reconnectedNanos) {
				unsynced.remove(stormClient);
				syncPages.addAndGet(pages);
				reconnectedMicros.recordValue(micros(reconnectedNanos - killedAt));
				syncedMicros.recordValue(sinceKillMicros());
				synced.incrementAndGet();
			}

			@Override
			public void refusedPage(String code) {
				refusals.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
			}

			@Override
			public void connectFailed(Throwable cause) {
				connectFailures.incrementAndGet();
				connectFailureCauses.computeIfAbsent(cause(cause), c -> new AtomicLong()).incrementAndGet();
			}
		};
	}

	/** A failed attempt's cause as a short label: the exception's type and message with its numbers blanked. */
	static String cause(Throwable error) {
		Throwable t = error;
		while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
			t = t.getCause();
		}
		String message = t.getMessage() == null ? "" : ": " + t.getMessage().replaceAll("[0-9]+", "N");
		String label = t.getClass().getSimpleName() + message;
		return label.length() <= 120 ? label : label.substring(0, 120);
	}

	private long sinceKillMicros() {
		return micros(System.nanoTime() - this.killedAt);
	}

	private static long micros(long nanos) {
		return Math.max(0, Math.min(MAX_MICROS, nanos / 1000));
	}

	/** The sockets that write to the storm's users: every message's recipient and fate by its sequence number. */
	private final class Senders {

		private final NettySioClient client;

		private final List<InetSocketAddress> survivors;

		private final List<InetAddress> sources;

		private final List<String> tokens;

		private final List<StormClient> recipients;

		private final List<Channel> channels = new ArrayList<>();

		private final int capacity;

		private final int[] recipientOf;

		/** 0 sent, 1 acked ok, 2 refused. */
		private final AtomicIntegerArray fate;

		private final AtomicInteger sent = new AtomicInteger();

		private ScheduledFuture<?> pacer;

		Senders(NettySioClient client, List<InetSocketAddress> survivors, List<InetAddress> sources, List<String> tokens,
				List<StormClient> recipients) {
			this.client = client;
			this.survivors = survivors;
			this.sources = sources;
			this.tokens = tokens;
			this.recipients = recipients;
			this.capacity = Math.max(1, storm.sendRate() * (storm.timeoutSeconds() + 10));
			this.recipientOf = new int[this.capacity];
			this.fate = new AtomicIntegerArray(this.capacity);
		}

		void connect() throws Exception {
			for (int i = 0; i < this.tokens.size(); i++) {
				this.channels.add(this.client
					.connect(this.survivors.get(i % this.survivors.size()), this.sources.get(i % this.sources.size()),
							this.tokens.get(i), this::onFrame)
					.get(settings.handshakeTimeoutSeconds() + 5L, TimeUnit.SECONDS));
			}
		}

		void start(int rate) {
			if (rate > 0 && !this.channels.isEmpty() && !this.recipients.isEmpty()) {
				this.pacer = timer.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
			}
		}

		void stop() {
			if (this.pacer != null) {
				this.pacer.cancel(false);
			}
		}

		private void sendOne() {
			int seq = this.sent.get();
			if (seq >= this.capacity) {
				return;
			}
			int recipient = ThreadLocalRandom.current().nextInt(this.recipients.size());
			this.recipientOf[seq] = recipient;
			this.sent.incrementAndGet();
			Channel sender = this.channels.get(seq % this.channels.size());
			sender.writeAndFlush(new TextWebSocketFrame(SioFrames.sendPrivateMessage(seq + 1L,
					this.recipients.get(recipient).userId(), "storm " + seq, "storm-" + seq)));
		}

		private void onFrame(Channel channel, String frame) {
			long ackId = SioFrame.ackId(frame);
			if (ackId >= 1 && ackId <= this.capacity) {
				this.fate.compareAndSet((int) ackId - 1, 0, SioFrame.isOkAck(frame) ? 1 : 2);
			}
		}

		void awaitAcks(int seconds) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			while (unanswered() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
		}

		private int unanswered() {
			int count = 0;
			for (int seq = 0; seq < this.sent.get(); seq++) {
				count += (this.fate.get(seq) == 0) ? 1 : 0;
			}
			return count;
		}

		List<StormClient> recipientsMissingMessages() {
			List<StormClient> missing = new ArrayList<>();
			boolean[] listed = new boolean[this.recipients.size()];
			for (int seq = 0; seq < this.sent.get(); seq++) {
				int r = this.recipientOf[seq];
				if (!listed[r] && ackedNotReceived(seq)) {
					listed[r] = true;
					missing.add(this.recipients.get(r));
				}
			}
			return missing;
		}

		/** Acked messages received so far. */
		long received() {
			long received = 0;
			for (int seq = 0; seq < this.sent.get(); seq++) {
				received += (this.fate.get(seq) == 1 && !ackedNotReceived(seq)) ? 1 : 0;
			}
			return received;
		}

		/** Send {@code seq} was acked ok and its recipient has not seen it, live or by sync. */
		private boolean ackedNotReceived(int seq) {
			return this.fate.get(seq) == 1
					&& !this.recipients.get(this.recipientOf[seq]).received().contains("storm-" + seq);
		}

		/** Up to {@code n} acked messages not received: id, recipient, the recipient's token. */
		List<String> missingExamples(int n) {
			List<String> examples = new ArrayList<>();
			for (int seq = 0; seq < this.sent.get() && examples.size() < n; seq++) {
				if (ackedNotReceived(seq)) {
					StormClient recipient = this.recipients.get(this.recipientOf[seq]);
					examples.add("storm-" + seq + " to " + recipient.userId() + " (token " + recipient.cursor() + ", last "
							+ recipient.lastAnswer + ")");
				}
			}
			return examples;
		}

		Map<String, Object> tally() {
			long acked = 0, refused = 0, unanswered = 0;
			for (int seq = 0; seq < this.sent.get(); seq++) {
				int f = this.fate.get(seq);
				acked += (f == 1) ? 1 : 0;
				refused += (f == 2) ? 1 : 0;
				unanswered += (f == 0) ? 1 : 0;
			}
			long received = received();
			Map<String, Object> tally = new LinkedHashMap<>();
			tally.put("sent", this.sent.get());
			tally.put("acked", acked);
			tally.put("refused", refused);
			tally.put("unanswered", unanswered);
			tally.put("received", received);
			tally.put("lost", acked - received);
			tally.put("duplicates", duplicates.get());
			return tally;
		}

	}

	/** Tokens for the storm's users, then for its senders (not timed); the dev secret is shared by every gateway. */
	private List<String> tokens(URI gateway, int users, int senders, String run) throws Exception {
		List<String> tokens = new ArrayList<>(users + senders);
		try (Clients clients = new Clients(this.settings.tokens())) {
			for (CompletableFuture<String> token : Clients.bounded(users + senders, 64, i -> clients.tokens
				.issue(gateway, (i < users) ? "storm-" + run + "-" + i : "storm-" + run + "-sender-" + (i - users)))) {
				tokens.add(token.get(60, TimeUnit.SECONDS));
			}
		}
		return tokens;
	}

	private static InetSocketAddress address(URI gateway) throws UnknownHostException {
		InetAddress ipv4 = Arrays.stream(InetAddress.getAllByName(gateway.getHost()))
			.filter(Inet4Address.class::isInstance)
			.findFirst()
			.orElseThrow(() -> new UnknownHostException("no IPv4 address for " + gateway.getHost()));
		return new InetSocketAddress(ipv4, gateway.getPort());
	}

}

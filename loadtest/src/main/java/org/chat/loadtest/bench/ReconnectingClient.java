package org.chat.loadtest.bench;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * A user that keeps dropping its socket and coming back on the other gateway, as a phone does between networks:
 * reconnect, {@code register_user}, then a complete {@link SyncChain} from its cursor; the time from the drop to
 * the last page is one "reconnect to synced" sample. A partner socket on a fixed gateway writes to it meanwhile;
 * what the partner got acknowledged is checked against what the user received, live or by sync.
 */
final class ReconnectingClient extends SyncingClient implements WsConnection.FrameHandler {

	private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final int index;

	private final String userId;

	private final List<URI> gateways;

	private final List<String> tokens;

	private final Clients clients;

	private final ScheduledExecutorService timer;

	private final ReconnectStats stats;

	private final int pauseMillis;

	private final Set<String> acked = ConcurrentHashMap.newKeySet();

	private final AtomicLong sent = new AtomicLong();

	private WsConnection partner;

	private WsConnection current;

	private int gateway;

	private long droppedAt;

	/** When the current socket's CONNECT came (0: not yet, or not after a drop). */
	private long connectedAt;

	private long hops;

	private boolean running;

	/** Completed when {@link #awaited} is done: the first sync, and the one more after the run. */
	private CompletableFuture<Void> finalSync = new CompletableFuture<>();

	private SyncChain awaited;

	private ScheduledFuture<?> sending;

	ReconnectingClient(int index, String userId, List<URI> gateways, List<String> tokens, Clients clients,
			ScheduledExecutorService timer, ReconnectStats stats, int pauseMillis) {
		super(new AtomicLong());
		this.index = index;
		this.userId = userId;
		this.gateways = gateways;
		this.tokens = tokens;
		this.clients = clients;
		this.timer = timer;
		this.stats = stats;
		this.pauseMillis = pauseMillis;
		this.gateway = index % gateways.size();
	}

	/** Connects the user and its partner (on the other gateway); the user takes its first cursor from the start. */
	CompletableFuture<Void> connect(String partnerToken) {
		URI partnerGateway = this.gateways.get((this.gateway + 1) % this.gateways.size());
		CompletableFuture<WsConnection> partnerSocket = WsConnection.open(this.clients.http,
				Clients.socketUri(partnerGateway), this.index, partnerToken, this::onPartnerFrame);
		CompletableFuture<Void> synced = this.finalSync;
		return open().thenCombine(partnerSocket, (user, partner) -> {
			this.partner = partner;
			return user;
		}).thenCompose(user -> synced);
	}

	/** Starts hopping (first drop after a pause) and the partner's sends to this user. */
	synchronized void start(int sendRate) {
		this.running = true;
		this.sending = this.timer.scheduleAtFixedRate(this::send, 0, 1_000_000 / sendRate,
				TimeUnit.MICROSECONDS);
		scheduleHop();
	}

	/** No further hops or sends; a hop under way still completes and counts. */
	synchronized void stop() {
		this.running = false;
		if (this.sending != null) {
			this.sending.cancel(false);
		}
	}

	/** One more complete sync, started after any under way has ended, for the final count. */
	synchronized CompletableFuture<Void> syncOnceMore() {
		this.finalSync = new CompletableFuture<>();
		this.awaited = null;
		if (this.chain == null && this.current != null) {
			startChain();
		}
		return this.finalSync;
	}

	/** Whether a message the partner got acknowledged has not arrived (yet), live or by sync. */
	boolean missesAcked() {
		long[] tally = tally();
		return tally[1] < tally[0];
	}

	/** {@code [acked, received of those, duplicates]} of the partner's messages. */
	long[] tally() {
		long receivedOfAcked = this.acked.stream().filter(received()::contains).count();
		return new long[] { this.acked.size(), receivedOfAcked, duplicates() };
	}

	void close() {
		WsConnection user;
		synchronized (this) {
			user = this.current;
		}
		if (user != null) {
			user.close();
		}
		if (this.partner != null) {
			this.partner.close();
		}
	}

	private void send() {
		long n = this.sent.incrementAndGet();
		this.partner.send(SioFrames.sendPrivateMessage(n, this.userId, "reconnect bench " + n, this.index + "-" + n));
	}

	private void scheduleHop() {
		long pause = (long) (this.pauseMillis * (0.5 + ThreadLocalRandom.current().nextDouble()));
		this.timer.schedule(this::hop, pause, TimeUnit.MILLISECONDS);
	}

	private void hop() {
		WsConnection old;
		long hop;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			old = this.current;
			this.current = null;
			this.chain = null;
			this.gateway = (this.gateway + 1) % this.gateways.size();
			this.droppedAt = System.nanoTime();
			this.connectedAt = 0;
			hop = ++this.hops;
		}
		this.stats.dropped();
		if (old != null) {
			old.close();
		}
		open();
		this.timer.schedule(() -> giveUpOn(hop), GIVE_UP_NANOS, TimeUnit.NANOSECONDS);
	}

	/** A hop neither synced nor superseded in time counts as incomplete, and the client moves on. */
	private void giveUpOn(long hop) {
		synchronized (this) {
			if (this.hops != hop || this.droppedAt == 0) {
				return;
			}
			this.droppedAt = 0;
		}
		this.stats.incomplete();
		hop();
	}

	private CompletableFuture<WsConnection> open() {
		URI uri = Clients.socketUri(this.gateways.get(this.gateway));
		return WsConnection.open(this.clients.http, uri, this.index, this.tokens.get(this.gateway), this)
			.whenComplete((connection, error) -> {
				if (error != null) {
					this.stats.connectFailed();
					return;
				}
				synchronized (this) {
					if (this.droppedAt != 0) {
						this.connectedAt = System.nanoTime();
						this.stats.connected(this.connectedAt - this.droppedAt);
					}
					this.current = connection;
					connection.send(SioFrames.register(0, this.userId, this.userId));
					startChain();
				}
			});
	}

	private void startChain() {
		SyncChain started = startChain(this.current::send);
		if (this.awaited == null && !this.finalSync.isDone()) {
			this.awaited = started;
		}
	}

	@Override
	public void onFrame(WsConnection connection, String frame) {
		super.onFrame(connection, frame);
	}

	@Override
	protected boolean isCurrent(Object socket) {
		return socket == this.current;
	}

	@Override
	protected void refusedPage(String code) {
		this.stats.refusedPage(code);
	}

	@Override
	protected void later(Runnable task, long delayMillis) {
		this.timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	protected void synced(SyncChain done) {
		this.stats.pages(done.pages());
		if (this.droppedAt != 0) {
			long now = System.nanoTime();
			this.stats.synced(now - this.droppedAt, now - this.connectedAt);
			this.droppedAt = 0;
			if (this.running) {
				scheduleHop();
			}
		}
		if (done == this.awaited) {
			this.finalSync.complete(null);
		}
		else if (this.awaited == null && !this.finalSync.isDone()) {
			startChain(); // the one more sync asked for while this one was under way
		}
	}

	private void onPartnerFrame(WsConnection connection, String frame) {
		if (SioFrame.kind(frame) == SioFrame.Kind.ACK && SioFrame.isOkAck(frame)) {
			this.acked.add(this.index + "-" + SioFrame.ackId(frame));
		}
	}

}

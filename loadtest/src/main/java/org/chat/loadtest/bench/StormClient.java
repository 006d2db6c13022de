package org.chat.loadtest.bench;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * One user of the reconnect storm, behaving like an official Socket.IO client: when its socket is closed under it
 * (its gateway was killed) it reconnects after a randomized delay ({@code delay × [0.5, 1.5)}, then doubling up to
 * 5 s after each failed attempt, as socket.io-client's defaults do) to one of the surviving gateways, emits
 * {@code register_user} and runs a complete {@link SyncChain}; the storm records when it was reconnected and when
 * synced. Messages arrive live ({@code receive_private_message}) or by sync; both are kept by {@code clientMessageId}.
 */
final class StormClient extends SyncingClient {

	private static final long MAX_DELAY_MILLIS = 5_000;

	private final int index;

	private final String userId;

	private final String token;

	private final StormNetwork network;

	private Channel channel;

	private int attempt;

	private long reconnectedNanos;

	/** True between the loss of the first socket and the end of the first complete sync after it. */
	private boolean storming;

	/** After the storm: one more sync, for the final count; completed when a chain started after the request ends. */
	private CompletableFuture<Void> afterSync;

	/** That sync starts from the beginning (no cursor), not from the last token. */
	private boolean afterSyncFromStart;

	/** A chain started after {@link #syncOnceMore} is under way (one under way before it may predate a message). */
	private boolean afterSyncStarted;

	/** What a storm client needs from the bench: where to connect, where to report, and the clock's zero. */
	interface StormNetwork {

		void connect(StormClient client, InetSocketAddress gateway, String token);

		List<InetSocketAddress> survivors();

		void schedule(Runnable task, long delayMillis);

		long reconnectDelayMillis();

		/** The client's socket closed (the killed gateway's, or a new one lost again): it is not synced now. */
		void lost(StormClient client);

		/** A reconnect attempt was answered (a client may need several: a new socket can be lost again). */
		void reconnected(StormClient client, int attempts);

		/** Synced after the kill, on the socket connected at {@code reconnectedNanos}. */
		void synced(StormClient client, int pages, long reconnectedNanos);

		void refusedPage(String code);

		void connectFailed(Throwable cause);

	}

	StormClient(int index, String userId, String token, StormNetwork network, AtomicLong duplicates) {
		super(duplicates);
		this.index = index;
		this.userId = userId;
		this.token = token;
		this.network = network;
	}

	String userId() {
		return this.userId;
	}

	/** The first connection (before the storm); the socket is kept until the gateway dies. */
	synchronized void connected(Channel channel) {
		this.channel = channel;
		channel.closeFuture().addListener(closed -> lost(channel));
	}

	/** The socket closed: from now on this client storms until synced again. */
	private synchronized void lost(Channel closed) {
		if (closed != this.channel) {
			return;
		}
		this.channel = null;
		this.chain = null;
		this.storming = true;
		this.network.lost(this);
		this.attempt = 0;
		scheduleReconnect();
	}

	private void scheduleReconnect() {
		long base = Math.min(MAX_DELAY_MILLIS, this.network.reconnectDelayMillis() << Math.min(this.attempt, 10));
		long delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
		this.network.schedule(this::reconnect, Math.min(MAX_DELAY_MILLIS, delay));
	}

	private void reconnect() {
		List<InetSocketAddress> survivors = this.network.survivors();
		InetSocketAddress gateway;
		synchronized (this) {
			gateway = survivors.get((this.index + this.attempt) % survivors.size());
			this.attempt++;
		}
		this.network.connect(this, gateway, this.token);
	}

	/** An attempt failed (refused, closed, timed out): try again later, on the next survivor. */
	synchronized void attemptFailed(Throwable cause) {
		this.network.connectFailed(cause);
		scheduleReconnect();
	}

	/** A reconnect attempt was answered {@code 40{sid}}: register and sync. */
	void reconnected(Channel channel) {
		int attempts;
		synchronized (this) {
			this.channel = channel;
			this.reconnectedNanos = System.nanoTime();
			attempts = this.attempt;
			channel.closeFuture().addListener(closed -> lost(channel));
			send(SioFrames.register(0, this.userId, this.userId));
			if (this.afterSync != null) {
				startAfterSync();
			}
			else {
				startChain();
			}
		}
		this.network.reconnected(this, attempts);
	}

	/**
	 * After the storm: one more complete sync, started from now on (after the chain under way, if any, or on the next
	 * socket), from the last token or, with {@code fromStart}, from the beginning. @return completed when it ended
	 */
	synchronized CompletableFuture<Void> syncOnceMore(boolean fromStart) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.afterSync = done;
		this.afterSyncFromStart = fromStart;
		this.afterSyncStarted = false;
		if (this.chain == null && this.channel != null) {
			startAfterSync();
		}
		return done;
	}

	/** The token this client's next sync would start from (null: the beginning). */
	synchronized String cursor() {
		return this.cursor;
	}

	private void startAfterSync() {
		if (this.afterSyncFromStart) {
			this.cursor = null;
		}
		this.afterSyncStarted = true;
		startChain();
	}

	private void startChain() {
		startChain(this::send);
	}

	private void send(String frame) {
		Channel current = this.channel;
		if (current != null) {
			current.writeAndFlush(new TextWebSocketFrame(frame));
		}
	}

	@Override
	protected boolean isCurrent(Object socket) {
		return socket == this.channel;
	}

	@Override
	protected void refusedPage(String code) {
		this.network.refusedPage(code);
	}

	@Override
	protected void later(Runnable task, long delayMillis) {
		this.network.schedule(task, delayMillis);
	}

	@Override
	protected void synced(SyncChain done) {
		if (this.storming) {
			this.storming = false;
			this.network.synced(this, done.pages(), this.reconnectedNanos);
		}
		if (this.afterSync != null) {
			if (!this.afterSyncStarted) {
				if (this.channel != null) {
					startAfterSync();
				}
				return;
			}
			CompletableFuture<Void> after = this.afterSync;
			this.afterSync = null;
			after.complete(null);
		}
	}

}

package org.chat.loadtest.bench;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * One user of the reconnect storm, behaving like an official Socket.IO client: when its socket is closed under it
 * (its gateway was killed) it reconnects after a randomized delay ({@code delay × [0.5, 1.5)}, then doubling up to
 * 5 s after each failed attempt, as socket.io-client's defaults do) to one of the surviving gateways, emits
 * {@code register_user} and runs a complete {@link SyncChain}; the storm records when it was reconnected and when
 * synced. Messages arrive live ({@code receive_private_message}) or by sync; both are kept by {@code clientMessageId}.
 */
final class StormClient {

	private static final String RECEIVE = "42[\"receive_private_message\"";

	private static final long MAX_DELAY_MILLIS = 5_000;

	private final int index;

	private final String userId;

	private final String token;

	private final StormNetwork network;

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private final AtomicLong duplicates;

	private Channel channel;

	private SyncChain chain;

	private String cursor;

	private long nextAckId = 1;

	private int attempt;

	private long reconnectedNanos;

	/** True between the loss of the first socket and the end of the first complete sync after it. */
	private boolean storming;

	/** After the storm: one more sync, for the final count; completes {@code finalSync}. */
	private Runnable afterSync;

	/** What a storm client needs from the bench: where to connect, where to report, and the clock's zero. */
	interface StormNetwork {

		void connect(StormClient client, InetSocketAddress gateway, String token);

		List<InetSocketAddress> survivors();

		void schedule(Runnable task, long delayMillis);

		long reconnectDelayMillis();

		/** A reconnect attempt was answered (a client may need several: a new socket can be lost again). */
		void reconnected(StormClient client, int attempts);

		/** Synced after the kill, on the socket connected at {@code reconnectedNanos}. */
		void synced(StormClient client, int pages, long reconnectedNanos);

		void refusedPage();

		void connectFailed();

	}

	StormClient(int index, String userId, String token, StormNetwork network, AtomicLong duplicates) {
		this.index = index;
		this.userId = userId;
		this.token = token;
		this.network = network;
		this.duplicates = duplicates;
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
	synchronized void attemptFailed() {
		this.network.connectFailed();
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
			startChain();
		}
		this.network.reconnected(this, attempts);
	}

	/** After the storm: one more complete sync on the current socket; {@code done} runs when it ended. */
	synchronized void syncOnceMore(Runnable done) {
		this.afterSync = done;
		if (this.chain == null && this.channel != null) {
			startChain();
		}
	}

	/** {@code clientMessageId}s received, live or by sync. */
	Set<String> received() {
		return this.received;
	}

	private void startChain() {
		this.chain = new SyncChain(this.cursor, this.nextAckId, this::send, ids -> ids.forEach(this::receive));
		this.chain.start();
	}

	private void send(String frame) {
		Channel current = this.channel;
		if (current != null) {
			current.writeAndFlush(new TextWebSocketFrame(frame));
		}
	}

	/** Frames after CONNECT (events, acks), on the channel's event loop. */
	void onFrame(Channel from, String frame) {
		SioFrame.Kind kind = SioFrame.kind(frame);
		if (kind == SioFrame.Kind.EVENT && frame.startsWith(RECEIVE)) {
			receive(SioFrame.eventArgument(frame).path("clientMessageId").stringValue(null));
			return;
		}
		if (kind != SioFrame.Kind.ACK) {
			return;
		}
		synchronized (this) {
			if (from != this.channel || this.chain == null) {
				return;
			}
			switch (this.chain.onAck(frame)) {
				case DONE -> synced();
				case REFUSED -> {
					this.network.refusedPage();
					SyncChain refused = this.chain;
					this.network.schedule(() -> retry(refused), 200);
				}
				default -> {
				}
			}
		}
	}

	private synchronized void retry(SyncChain refused) {
		if (this.chain == refused) {
			refused.retry();
		}
	}

	private void synced() {
		SyncChain done = this.chain;
		this.chain = null;
		this.cursor = done.cursor();
		this.nextAckId = done.nextAckId();
		if (this.storming) {
			this.storming = false;
			this.network.synced(this, done.pages(), this.reconnectedNanos);
		}
		if (this.afterSync != null) {
			Runnable after = this.afterSync;
			this.afterSync = null;
			after.run();
		}
	}

	private void receive(String clientMessageId) {
		if (clientMessageId != null && !this.received.add(clientMessageId)) {
			this.duplicates.incrementAndGet();
		}
	}

}

package org.chat.loadtest.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.chat.loadtest.socketio.SioFrame;

/**
 * What the bench's reconnecting clients share: at most one {@link SyncChain} at a time on the current socket, a
 * refused page asked again after {@link #RETRY_MILLIS} if that chain is still the current one, and the
 * {@code clientMessageId}s received live or by sync (a second copy counts as a duplicate).
 */
abstract class SyncingClient {

	static final long RETRY_MILLIS = 200;

	private static final String RECEIVE = "42[\"receive_private_message\"";

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private final AtomicLong duplicates;

	/** The chain under way on the current socket, or null. */
	protected SyncChain chain;

	/** The token of the last complete sync (null: from the start). */
	protected String cursor;

	protected long nextAckId = 1;

	/** The answer that ended the last chain (diagnostics). */
	protected volatile String lastAnswer;

	protected SyncingClient(AtomicLong duplicates) {
		this.duplicates = duplicates;
	}

	/** Whether {@code socket} is the one this client uses now; called with this object's lock held. */
	protected abstract boolean isCurrent(Object socket);

	/** The chain ended ({@code hasMore} false); {@link #chain} is null and the cursor moved. Lock held. */
	protected abstract void synced(SyncChain done);

	/** A page was refused with {@code code} ({@code unavailable}, {@code rate_limited}); asked again after a pause. */
	protected abstract void refusedPage(String code);

	/** Runs {@code task} after {@code delayMillis}. */
	protected abstract void later(Runnable task, long delayMillis);

	/** Copies received of a {@code clientMessageId} already received (counted where the constructor's counter is). */
	final long duplicates() {
		return this.duplicates.get();
	}

	/** {@code clientMessageId}s received, live or by sync. */
	final Set<String> received() {
		return this.received;
	}

	/** Starts a chain from the cursor, its frames written by {@code send}. Lock held. */
	protected final SyncChain startChain(Consumer<String> send) {
		this.chain = new SyncChain(this.cursor, this.nextAckId, send, this::receivedBySync);
		this.chain.start();
		return this.chain;
	}

	/** Frames after CONNECT (events, acks) on {@code socket}. */
	protected final void onFrame(Object socket, String frame) {
		SioFrame.Kind kind = SioFrame.kind(frame);
		if (kind == SioFrame.Kind.EVENT && frame.startsWith(RECEIVE)) {
			receive(SioFrame.eventArgument(frame).path("clientMessageId").stringValue(null));
			return;
		}
		if (kind != SioFrame.Kind.ACK) {
			return;
		}
		synchronized (this) {
			if (!isCurrent(socket) || this.chain == null) {
				return; // a late answer on a socket already dropped
			}
			switch (this.chain.onAck(frame)) {
				case DONE -> {
					this.lastAnswer = "since " + this.chain.since() + " -> " + frame.substring(0, Math.min(400, frame.length()));
					SyncChain done = this.chain;
					this.chain = null;
					this.cursor = done.cursor();
					this.nextAckId = done.nextAckId();
					synced(done);
				}
				case REFUSED -> {
					refusedPage(this.chain.refusal());
					SyncChain refused = this.chain;
					later(() -> retry(refused), RETRY_MILLIS);
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

	private void receivedBySync(List<String> clientMessageIds) {
		clientMessageIds.forEach(this::receive);
	}

	private void receive(String clientMessageId) {
		if (clientMessageId != null && !this.received.add(clientMessageId)) {
			this.duplicates.incrementAndGet();
		}
	}

}

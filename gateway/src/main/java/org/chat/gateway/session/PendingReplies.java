package org.chat.gateway.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.client.ErrorCode;
import org.chat.gateway.socketio.Ack;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * Acks of queries answered by a service through a Redis REPLY (keyed by the query envelope's eventId). A query
 * nobody answers in time is acked {@code unavailable}: the client never waits forever.
 */
public class PendingReplies {

	private record Pending(String sessionId, Ack ack, Disposable timer) {
	}

	private final Map<String, Pending> byEventId = new ConcurrentHashMap<>();

	private final Scheduler scheduler;

	private final Duration timeout;

	public PendingReplies(Scheduler scheduler, Duration timeout) {
		this.scheduler = scheduler;
		this.timeout = timeout;
	}

	/** Register before producing the query, so a fast reply cannot arrive before its ack is known. */
	public void await(String eventId, String sessionId, Ack ack) {
		Disposable.Swap timer = Disposables.swap();
		this.byEventId.put(eventId, new Pending(sessionId, ack, timer));
		timer.update(this.scheduler.schedule(() -> fail(eventId, ErrorCode.UNAVAILABLE, "no answer in time; retry"),
				this.timeout.toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * Answers the ack of {@code eventId} if it is still pending on {@code sessionId}; {@code answer} is the ack's
	 * argument (a REPLY's {@code RawJson}, or a tree).
	 */
	public boolean complete(String eventId, String sessionId, Object answer) {
		Pending pending = this.byEventId.get(eventId);
		if (pending == null || !pending.sessionId().equals(sessionId) || !this.byEventId.remove(eventId, pending)) {
			return false;
		}
		pending.timer().dispose();
		pending.ack().send(answer);
		return true;
	}

	public void fail(String eventId, ErrorCode code, String message) {
		Pending pending = this.byEventId.remove(eventId);
		if (pending != null) {
			pending.timer().dispose();
			pending.ack().send(Replies.error(code, message));
		}
	}

	/** The socket is gone: forget its acks (there is nobody to answer). */
	public void dropSession(String sessionId) {
		this.byEventId.entrySet().removeIf(entry -> {
			boolean ofSession = entry.getValue().sessionId().equals(sessionId);
			if (ofSession) {
				entry.getValue().timer().dispose();
			}
			return ofSession;
		});
	}

	public int size() {
		return this.byEventId.size();
	}

}

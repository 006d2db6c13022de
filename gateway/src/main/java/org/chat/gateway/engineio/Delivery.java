package org.chat.gateway.engineio;

import java.util.Objects;

/**
 * How a packet queued on a session may be treated under backpressure.
 * <ul>
 * <li>{@link #RELIABLE}: written in order, or the session is closed when it does not fit ("outbound queue
 * overflow": the client reconnects and syncs, so nothing acknowledged is lost).</li>
 * <li>{@link #DROPPABLE}: shed when the queue is above half of either bound (typing indicators).</li>
 * <li>{@link #latest(String) LATEST(key)}: a full snapshot (the user list). Queued like a reliable packet, but
 * it supersedes the session's older packet of the same key if that one was not handed to the writer yet: the
 * older one is skipped, never written.</li>
 * </ul>
 */
public record Delivery(Kind kind, String key) {

	public static final Delivery RELIABLE = new Delivery(Kind.RELIABLE, null);

	public static final Delivery DROPPABLE = new Delivery(Kind.DROPPABLE, null);

	public Delivery {
		Objects.requireNonNull(kind, "kind");
		if ((kind == Kind.LATEST) != (key != null)) {
			throw new IllegalArgumentException("a key is given with LATEST and only with it");
		}
	}

	public static Delivery latest(String key) {
		return new Delivery(Kind.LATEST, Objects.requireNonNull(key, "key"));
	}

	public boolean droppable() {
		return kind == Kind.DROPPABLE;
	}

	public enum Kind {

		RELIABLE, DROPPABLE, LATEST

	}

}

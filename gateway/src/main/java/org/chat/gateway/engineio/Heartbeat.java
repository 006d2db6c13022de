package org.chat.gateway.engineio;

import io.netty.util.Timeout;
import org.chat.gateway.engineio.codec.EnginePacket;

/**
 * Server-side heartbeat of one session: a PING every pingInterval, and the session closes unless a PONG
 * arrives within pingTimeout. Deadlines count from when the ping was due (not when the timer fired), so a
 * late timer never extends a client's grace. Guarded by the session lock; only one timeout is pending.
 */
final class Heartbeat {

	private final EngineSession session;

	private final long intervalNanos;

	private final long timeoutNanos;

	private Timeout pending;

	private long pingDueAt;

	private boolean awaitingPong;

	Heartbeat(EngineSession session, EngineSettings settings) {
		this.session = session;
		this.intervalNanos = settings.pingInterval().toNanos();
		this.timeoutNanos = settings.pingTimeout().toNanos();
	}

	/** Called with the session lock held. */
	void start() {
		schedulePing(System.nanoTime());
	}

	void onPong() {
		synchronized (session) {
			if (!awaitingPong) {
				return;
			}
			awaitingPong = false;
			pending.cancel();
			schedulePing(System.nanoTime());
		}
	}

	boolean expired() {
		synchronized (session) {
			return awaitingPong && System.nanoTime() - (pingDueAt + timeoutNanos) >= 0;
		}
	}

	/** Called with the session lock held. */
	void stop() {
		if (pending != null) {
			pending.cancel();
		}
	}

	private void schedulePing(long now) {
		pingDueAt = now + intervalNanos;
		pending = session.schedule(this::pingDue, intervalNanos);
	}

	private void pingDue() {
		synchronized (session) {
			if (!session.isOpen()) {
				return;
			}
			awaitingPong = true;
			pending = session.schedule(this::deadlinePassed, pingDueAt + timeoutNanos - System.nanoTime());
			session.enqueueInternal(EnginePacket.PING);
		}
	}

	private void deadlinePassed() {
		session.closeIfExpired();
	}

}

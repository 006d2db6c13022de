package org.chat.loadtest.bench;

import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * The client side of one Socket.IO session, without I/O: Engine.IO OPEN is answered by the namespace CONNECT
 * with the token, {@code 40{"sid":…}} means connected, PING is answered by PONG for as long as the socket lives
 * (so idle sockets are not dropped by the server's ping timeout). Not thread-safe: one per socket, used on the
 * socket's event loop.
 */
final class SioHandshake {

	enum Outcome {

		/** Nothing decided by this frame. */
		NONE,
		/** The namespace CONNECT was answered with a session id. */
		CONNECTED,
		/** The server answered CONNECT_ERROR. */
		REFUSED,
		/** A frame out of order or malformed (an OPEN without sid, a CONNECT before OPEN, …). */
		PROTOCOL_ERROR

	}

	/** What to send back (or null) and what the frame decided. */
	record Step(String reply, Outcome outcome) {

		static final Step NOTHING = new Step(null, Outcome.NONE);

	}

	private final String token;

	private EngineOpen open;

	private boolean connected;

	SioHandshake(String token) {
		this.token = token;
	}

	Step onFrame(String frame) {
		return switch (SioFrame.kind(frame)) {
			case OPEN -> onOpen(frame);
			case PING -> new Step(SioFrames.PONG, Outcome.NONE);
			case CONNECTED -> onConnected(frame);
			case CONNECT_ERROR -> new Step(null, this.connected ? Outcome.PROTOCOL_ERROR : Outcome.REFUSED);
			default -> Step.NOTHING;
		};
	}

	/** The Engine.IO session once OPEN arrived, else null. */
	EngineOpen open() {
		return this.open;
	}

	boolean connected() {
		return this.connected;
	}

	private Step onOpen(String frame) {
		EngineOpen parsed = EngineOpen.parse(frame);
		if (this.open != null || parsed == null) {
			return new Step(null, Outcome.PROTOCOL_ERROR);
		}
		this.open = parsed;
		return new Step(SioFrames.connect(this.token), Outcome.NONE);
	}

	private Step onConnected(String frame) {
		if (this.open == null || this.connected || SioFrame.data(frame).path("sid").stringValue(null) == null) {
			return new Step(null, Outcome.PROTOCOL_ERROR);
		}
		this.connected = true;
		return new Step(null, Outcome.CONNECTED);
	}

}

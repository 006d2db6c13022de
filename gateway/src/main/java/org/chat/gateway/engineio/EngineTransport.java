package org.chat.gateway.engineio;

import java.util.Deque;

import org.chat.gateway.engineio.codec.EnginePacket;

/**
 * One way of moving packets of a session (WebSocket or HTTP long-polling). The session calls these with its
 * lock held, so implementations must not call back into the session synchronously.
 */
public interface EngineTransport {

	EngineSettings.TransportKind kind();

	/** Packets accepted by {@link #flush} that are not written yet; they count against the outbound bound. */
	int backlog();

	/** Takes what it can write now from the head of {@code buffer}. */
	void flush(Deque<EnginePacket> buffer);

	/** Writes one packet ahead of the buffer (the pong of an upgrade probe). */
	void sendDirect(EnginePacket packet);

	/** An upgrade probe succeeded on another transport: stop holding the client (polling answers NOOP). */
	default void pauseForUpgrade() {
	}

	/** Ends the transport; {@code byServer} tells a pending poll to read CLOSE rather than NOOP. */
	void close(boolean byServer);

}

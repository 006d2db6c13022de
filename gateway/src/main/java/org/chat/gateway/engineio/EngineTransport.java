package org.chat.gateway.engineio;

import java.util.Deque;

/**
 * One way of moving packets of a session (WebSocket or HTTP long-polling). The session calls these with its
 * lock held, so implementations must not call back into the session synchronously. A transport
 * {@link Outgoing#take takes} each queued packet when it hands it to its writer, and skips those superseded
 * meanwhile (take returns null): until then a packet counts against the session's outbound bounds.
 */
public interface EngineTransport {

	EngineSettings.TransportKind kind();

	/** Takes what it can accept now from the head of {@code buffer}. */
	void flush(Deque<Outgoing> buffer);

	/** Writes one packet ahead of the buffer (the pong of an upgrade probe). */
	void sendDirect(Outgoing packet);

	/** An upgrade probe succeeded on another transport: stop holding the client (polling answers NOOP). */
	default void pauseForUpgrade() {
	}

	/** Ends the transport; {@code byServer} tells a pending poll to read CLOSE rather than NOOP. */
	void close(boolean byServer);

}

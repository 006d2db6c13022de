package org.chat.gateway.engineio;

import org.chat.gateway.engineio.codec.EnginePacket;

/** The layer above one Engine.IO session (socket.io, or the raw echo of conformance mode). */
public interface EngineListener {

	EngineListener IGNORE = new EngineListener() {
		@Override
		public void onMessage(EngineSession session, EnginePacket message) {
		}

		@Override
		public void onClose(EngineSession session, String reason) {
		}
	};

	/** A MESSAGE packet (text or binary) from the client, in order. */
	void onMessage(EngineSession session, EnginePacket message);

	/** Called once when the session ended, with the reason (e.g. "transport close", "ping timeout"). */
	void onClose(EngineSession session, String reason);

}

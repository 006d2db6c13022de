package org.chat.gateway.conformance;

import java.util.List;

import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.engineio.EngineListener;
import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.codec.EnginePacket;

/** The raw Engine.IO server of the Engine.IO suite: every message (text or binary) is sent back. */
final class EngineEcho implements EngineListener {

	@Override
	public void onMessage(EngineSession session, EnginePacket message) {
		session.send(List.of(message), Delivery.RELIABLE);
	}

	@Override
	public void onClose(EngineSession session, String reason) {
	}

}

package org.chat.gateway.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chat.contracts.json.Json;
import org.chat.gateway.socketio.Ack;
import tools.jackson.databind.JsonNode;

/** Records ack calls; {@link #answer()} is the first argument of the first call as JSON. */
public class RecordingAck implements Ack {

	private final List<List<Object>> calls = new CopyOnWriteArrayList<>();

	@Override
	public void send(Object... args) {
		this.calls.add(List.of(args));
	}

	public int count() {
		return this.calls.size();
	}

	public JsonNode answer() {
		if (this.calls.isEmpty()) {
			throw new AssertionError("ack not sent");
		}
		return Json.tree(this.calls.get(0).get(0));
	}

}

package org.chat.gateway.session;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.socketio.Ack;
import org.chat.gateway.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The answer shapes of docs/PROTOCOL.md: {@code {ok:true,...}} acks, and errors as an ack or a {@code chat_error}. */
public final class Replies {

	private Replies() {
	}

	public static ObjectNode ok() {
		return Json.MAPPER.createObjectNode().put("ok", true);
	}

	/** {@code {ok:true}} plus the fields of {@code extra} (a record or map). */
	public static ObjectNode ok(Object extra) {
		ObjectNode node = ok();
		node.setAll((ObjectNode) Json.tree(extra));
		return node;
	}

	public static JsonNode error(ErrorCode code, String message) {
		ObjectNode node = Json.MAPPER.createObjectNode().put("ok", false);
		node.putObject("error").put("code", code.code()).put("message", message);
		return node;
	}

	/** In the ack if the client asked for one, else as a {@code chat_error} event. */
	public static void error(SocketIoSocket socket, String event, Ack ack, ErrorCode code, String message) {
		if (ack != null) {
			ack.send(error(code, message));
		}
		else {
			ObjectNode chatError = Json.MAPPER.createObjectNode()
				.put("event", event)
				.put("code", code.code())
				.put("message", message);
			socket.emit(ClientEvents.CHAT_ERROR, Delivery.RELIABLE, chatError);
		}
	}

}

package org.chat.gateway.socketio;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Handles one client event. {@code ack} is null when the client asked for no acknowledgement. */
@FunctionalInterface
public interface EventListener {

	void onEvent(SocketIoSocket socket, String event, List<JsonNode> args, Ack ack);

}

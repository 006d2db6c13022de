package org.chat.loadtest.socketio;

/**
 * Builds the Engine.IO 4 / Socket.IO 5 text frames a chat client sends over the WebSocket transport. Strings
 * are built by hand (no JSON library) because the load generator shares the CPU with the stack it measures.
 */
public final class SioFrames {

	/** WebSocket endpoint of the default namespace (no polling, no upgrade). */
	public static final String WS_PATH = "/socket.io/?EIO=4&transport=websocket";

	/** Engine.IO PING (server to client) and PONG (the client's answer). */
	public static final String PING = "2";

	public static final String PONG = "3";

	private SioFrames() {
	}

	/** CONNECT to the default namespace with {@code auth: { token }}. */
	public static String connect(String token) {
		return "40{\"token\":" + quote(token) + "}";
	}

	/** EVENT with an ack id: {@code 42<ackId>["name",<jsonArg>]}. */
	public static String event(long ackId, String name, String jsonArg) {
		StringBuilder frame = new StringBuilder(32 + name.length() + jsonArg.length()).append("42").append(ackId);
		return frame.append("[\"").append(name).append("\",").append(jsonArg).append(']').toString();
	}

	/** EVENT without arguments: {@code 42<ackId>["name"]}. */
	public static String event(long ackId, String name) {
		return "42" + ackId + "[\"" + name + "\"]";
	}

	public static String register(long ackId, String userId, String name) {
		return event(ackId, "register_user", "{\"id\":" + quote(userId) + ",\"name\":" + quote(name) + "}");
	}

	public static String sendPrivateMessage(long ackId, String toUserId, String text, String clientMessageId) {
		return event(ackId, "send_private_message", "{\"toUserId\":" + quote(toUserId) + ",\"text\":" + quote(text)
				+ ",\"clientMessageId\":" + quote(clientMessageId) + "}");
	}

	/** {@code sync_messages} from the start ({@code since} null) or after the token {@code since}. */
	public static String syncMessages(long ackId, String since) {
		return event(ackId, "sync_messages", (since == null) ? "{}" : "{\"since\":" + quote(since) + "}");
	}

	/** A JSON string literal. */
	public static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}

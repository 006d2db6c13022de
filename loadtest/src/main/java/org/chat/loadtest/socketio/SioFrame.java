package org.chat.loadtest.socketio;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads the server frames a load client cares about: the packet kind and ack id from the Engine.IO/Socket.IO
 * header, the JSON data with Jackson.
 */
public final class SioFrame {

	/** Also reads the gateway's HTTP answers (e.g. {@code POST /dev/token}). */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	public enum Kind {

		/** Engine.IO OPEN {@code 0{...}}. */
		OPEN,
		/** Engine.IO PING {@code 2}. */
		PING,
		/** Socket.IO CONNECT to the default namespace {@code 40{"sid":...}}. */
		CONNECTED,
		/** Socket.IO CONNECT_ERROR {@code 44{...}}. */
		CONNECT_ERROR,
		/** Socket.IO EVENT {@code 42[...]}. */
		EVENT,
		/** Socket.IO ACK {@code 43<id>[...]}. */
		ACK,
		/** Engine.IO CLOSE, NOOP, Socket.IO DISCONNECT and anything else. */
		OTHER

	}

	private SioFrame() {
	}

	public static Kind kind(String frame) {
		if (frame.isEmpty()) {
			return Kind.OTHER;
		}
		char engine = frame.charAt(0);
		if (engine == '0') {
			return Kind.OPEN;
		}
		if (engine == '2' && frame.length() == 1) {
			return Kind.PING;
		}
		if (engine != '4' || frame.length() < 2) {
			return Kind.OTHER;
		}
		return switch (frame.charAt(1)) {
			case '0' -> Kind.CONNECTED;
			case '4' -> Kind.CONNECT_ERROR;
			case '2' -> Kind.EVENT;
			case '3' -> Kind.ACK;
			default -> Kind.OTHER;
		};
	}

	/** The ack id of a {@code 43<id>[...]} frame, or -1. */
	public static long ackId(String frame) {
		if (kind(frame) != Kind.ACK) {
			return -1;
		}
		long id = 0;
		int i = 2;
		for (; i < frame.length() && Character.isDigit(frame.charAt(i)); i++) {
			id = id * 10 + (frame.charAt(i) - '0');
		}
		return (i == 2) ? -1 : id;
	}

	/**
	 * The JSON data of an OPEN (its handshake object) or of a Socket.IO packet of the default namespace (what
	 * follows the type and the ack id); a missing node when the frame carries none.
	 * @throws tools.jackson.core.JacksonException if the data is not JSON
	 */
	public static JsonNode data(String frame) {
		int start = switch (kind(frame)) {
			case OPEN -> 1;
			case CONNECTED, CONNECT_ERROR, EVENT, ACK -> afterDigits(frame, 2);
			default -> frame.length();
		};
		return (start < frame.length()) ? JSON.readTree(frame.substring(start)) : MissingNode.getInstance();
	}

	/** The first argument after the event name of a {@code 42["name",arg,...]} frame; else a missing node. */
	public static JsonNode eventArgument(String frame) {
		return (kind(frame) == Kind.EVENT) ? data(frame).path(1) : MissingNode.getInstance();
	}

	/** Whether an ack's first argument says {@code ok: true} (the boolean, nothing else). */
	public static boolean isOkAck(String frame) {
		if (kind(frame) != Kind.ACK) {
			return false;
		}
		return data(frame).path(0).path("ok").booleanValue(false);
	}

	private static int afterDigits(String frame, int from) {
		int i = from;
		while (i < frame.length() && Character.isDigit(frame.charAt(i))) {
			i++;
		}
		return i;
	}

}

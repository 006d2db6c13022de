package org.chat.loadtest.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the server frames a load client cares about, without a JSON parser: the frame kind, ack ids, event
 * names and flat string fields of the payload. Good enough for the server's compact JSON; not a general parser.
 */
public final class SioFrame {

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

	/** Whether an ack's first argument says {@code ok: true}. */
	public static boolean isOkAck(String frame) {
		return kind(frame) == Kind.ACK && frame.contains("\"ok\":true");
	}

	/** The event name of a {@code 42[...]} frame without ack id, or null. */
	public static String eventName(String frame) {
		if (kind(frame) != Kind.EVENT || !frame.startsWith("42[\"")) {
			return null;
		}
		int end = frame.indexOf('"', 4);
		return (end < 0) ? null : frame.substring(4, end);
	}

	/** Every string value of {@code "field":"..."} in the frame, in order (same flat lookup as {@link #stringField}). */
	public static List<String> stringFields(String frame, String field) {
		String key = "\"" + field + "\":\"";
		List<String> values = new ArrayList<>();
		for (int at = frame.indexOf(key); at >= 0; at = frame.indexOf(key, at + key.length())) {
			String value = stringAt(frame, at + key.length());
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	/**
	 * The first string value of {@code "field":"..."} in the frame, taking an escaped character literally ({@code \"} → {@code "}), or
	 * null. Flat lookup: the first occurrence anywhere in the frame wins.
	 */
	public static String stringField(String frame, String field) {
		String key = "\"" + field + "\":\"";
		int start = frame.indexOf(key);
		return (start < 0) ? null : stringAt(frame, start + key.length());
	}

	/** The string that starts at {@code from} (just after its opening quote), or null if it never ends. */
	private static String stringAt(String frame, int from) {
		StringBuilder value = new StringBuilder();
		for (int i = from; i < frame.length(); i++) {
			char c = frame.charAt(i);
			if (c == '\\' && i + 1 < frame.length()) {
				value.append(frame.charAt(++i));
			}
			else if (c == '"') {
				return value.toString();
			}
			else {
				value.append(c);
			}
		}
		return null;
	}

}

package org.chat.loadtest.bench;

import org.chat.loadtest.socketio.SioFrame;

/**
 * The fields of an Engine.IO OPEN packet ({@code 0{"sid":"…","pingInterval":25000,"pingTimeout":20000,…}}) a
 * client needs: the session id and how often the server pings. Read by hand, like every frame of the bench.
 */
record EngineOpen(String sid, long pingIntervalMillis, long pingTimeoutMillis) {

	/** The OPEN packet's fields, or null when the frame is not an OPEN with a session id. */
	static EngineOpen parse(String frame) {
		if (SioFrame.kind(frame) != SioFrame.Kind.OPEN) {
			return null;
		}
		String sid = SioFrame.stringField(frame, "sid");
		if (sid == null || sid.isEmpty()) {
			return null;
		}
		return new EngineOpen(sid, number(frame, "pingInterval"), number(frame, "pingTimeout"));
	}

	/** The non-negative integer value of {@code "field":123}, or -1 when absent. */
	static long number(String frame, String field) {
		String key = "\"" + field + "\":";
		int start = frame.indexOf(key);
		if (start < 0) {
			return -1;
		}
		long value = 0;
		int i = start + key.length();
		int first = i;
		for (; i < frame.length() && Character.isDigit(frame.charAt(i)); i++) {
			value = value * 10 + (frame.charAt(i) - '0');
		}
		return (i == first) ? -1 : value;
	}

}

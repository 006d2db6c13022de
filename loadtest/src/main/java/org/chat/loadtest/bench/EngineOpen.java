package org.chat.loadtest.bench;

import org.chat.loadtest.socketio.SioFrame;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an Engine.IO OPEN packet ({@code 0{"sid":"…","pingInterval":25000,"pingTimeout":20000,…}}) a
 * client needs: the session id and how often the server pings.
 */
record EngineOpen(String sid, long pingIntervalMillis, long pingTimeoutMillis) {

	/** The OPEN packet's fields, or null when the frame is not an OPEN with a session id. */
	static EngineOpen parse(String frame) {
		if (SioFrame.kind(frame) != SioFrame.Kind.OPEN) {
			return null;
		}
		JsonNode open = SioFrame.data(frame);
		String sid = open.path("sid").stringValue("");
		if (sid.isEmpty()) {
			return null;
		}
		return new EngineOpen(sid, millis(open.path("pingInterval")), millis(open.path("pingTimeout")));
	}

	/** A whole non-negative number of milliseconds, or -1 when absent or anything else. */
	private static long millis(JsonNode value) {
		return (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) ? value.longValue() : -1;
	}

}

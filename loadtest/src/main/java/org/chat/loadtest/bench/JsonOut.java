package org.chat.loadtest.bench;

import java.util.List;
import java.util.Map;

import org.chat.loadtest.socketio.SioFrames;

/** Pretty-prints the result maps (strings, numbers, booleans, nested maps and lists) as JSON. */
public final class JsonOut {

	private JsonOut() {
	}

	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, "");
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, String indent) {
		if (value instanceof Map<?, ?> map) {
			writeEntries(out, map, indent);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append(i == 0 ? "" : ", ");
				write(out, list.get(i), indent);
			}
			out.append(']');
		}
		else if (value instanceof Double d) {
			out.append(d.isNaN() || d.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.3f", d));
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			out.append(value == null ? "null" : SioFrames.quote(value.toString()));
		}
	}

	private static void writeEntries(StringBuilder out, Map<?, ?> map, String indent) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		String inner = indent + "  ";
		out.append("{\n");
		int i = 0;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			out.append(inner).append(SioFrames.quote(entry.getKey().toString())).append(": ");
			write(out, entry.getValue(), inner);
			out.append(++i < map.size() ? ",\n" : "\n");
		}
		out.append(indent).append('}');
	}

}

package org.chat.gateway.socketio.codec;

import java.util.List;
import java.util.Map;

import org.chat.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binary values inside Socket.IO data travel as {@code {"_placeholder":true,"num":n}} followed by the bytes
 * as separate engine messages. This swaps them in both directions without touching the caller's tree.
 */
public final class Placeholders {

	private Placeholders() {
	}

	/** @return {@code data} with every binary value replaced by a placeholder, appended to {@code out}. */
	public static JsonNode deconstruct(JsonNode data, List<byte[]> out) {
		if (!containsBinary(data)) {
			return data;
		}
		return replaceBinary(data, out);
	}

	/** @return {@code data} with every placeholder replaced by its attachment. */
	public static JsonNode reconstruct(JsonNode data, List<byte[]> attachments) {
		if (isPlaceholder(data)) {
			JsonNode num = data.get("num");
			if (!num.canConvertToInt() || num.intValue() < 0 || num.intValue() >= attachments.size()) {
				throw new SioProtocolException("illegal attachment index " + num);
			}
			return BinaryNode.valueOf(attachments.get(num.intValue()));
		}
		if (data.isArray()) {
			ArrayNode copy = Json.MAPPER.createArrayNode();
			data.forEach(element -> copy.add(reconstruct(element, attachments)));
			return copy;
		}
		if (data.isObject()) {
			ObjectNode copy = Json.MAPPER.createObjectNode();
			for (Map.Entry<String, JsonNode> field : data.properties()) {
				copy.set(field.getKey(), reconstruct(field.getValue(), attachments));
			}
			return copy;
		}
		return data;
	}

	private static boolean isPlaceholder(JsonNode node) {
		return node.isObject() && node.path("_placeholder").isBoolean() && node.path("_placeholder").booleanValue()
				&& node.path("num").isIntegralNumber();
	}

	private static boolean containsBinary(JsonNode node) {
		if (node.isBinary()) {
			return true;
		}
		for (JsonNode child : node.values()) {
			if (containsBinary(child)) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode replaceBinary(JsonNode node, List<byte[]> out) {
		if (node.isBinary()) {
			ObjectNode placeholder = Json.MAPPER.createObjectNode();
			placeholder.put("_placeholder", true);
			placeholder.put("num", out.size());
			out.add(node.binaryValue());
			return placeholder;
		}
		if (node.isArray()) {
			ArrayNode copy = Json.MAPPER.createArrayNode();
			node.forEach(element -> copy.add(replaceBinary(element, out)));
			return copy;
		}
		if (node.isObject()) {
			ObjectNode copy = Json.MAPPER.createObjectNode();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				copy.set(field.getKey(), replaceBinary(field.getValue(), out));
			}
			return copy;
		}
		return node;
	}

}

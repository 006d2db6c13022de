package org.chat.e2e.client;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers for building client payloads (nulls allowed, unlike {@code Map.of}) and reading answers. */
public final class Payloads {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private Payloads() {
	}

	/** {@code obj("text", "hi", "toUserId", "bob")}: keys and values alternate; values go through Jackson. */
	public static ObjectNode obj(Object... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("keys and values must alternate");
		}
		ObjectNode node = JSON.createObjectNode();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
		}
		return node;
	}

	public static JsonNode tree(Object value) {
		return JSON.valueToTree(value);
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

}

package org.chat.contracts.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The payload of {@code chat:gw:{gatewayId}}: one {@link GatewayMessage} object, or a JSON array of them that
 * the gateway applies in array order (a publisher sends one array per gateway per processing step instead of
 * one PUBLISH per message). Both forms are valid on the channel; a one-element batch is written as a plain
 * object, so gateways that only know the object form keep working for everything but multi-message batches.
 */
public final class GatewayBatch {

	private GatewayBatch() {
	}

	/** @param messages at least one, in delivery order */
	public static String toJson(List<GatewayMessage> messages) {
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("empty gateway batch");
		}
		return (messages.size() == 1) ? messages.get(0).toJson() : Json.writeString(messages);
	}

	/**
	 * Decodes either form. An element that does not decode is reported to {@code onBad} and skipped; the
	 * others are still returned, in order. A payload that is not JSON at all yields nothing (and one report).
	 */
	public static List<GatewayMessage> fromJson(String payload, Consumer<ContractViolation> onBad) {
		JsonNode root;
		try {
			root = Json.MAPPER.readTree(payload);
		}
		catch (RuntimeException ex) {
			onBad.accept(new ContractViolation("undecodable gateway message", ex));
			return List.of();
		}
		if (root == null || !root.isArray()) {
			GatewayMessage one = element(root, 0, onBad);
			return (one == null) ? List.of() : List.of(one);
		}
		List<GatewayMessage> messages = new ArrayList<>(root.size());
		for (int i = 0; i < root.size(); i++) {
			GatewayMessage message = element(root.get(i), i, onBad);
			if (message != null) {
				messages.add(message);
			}
		}
		return messages;
	}

	private static GatewayMessage element(JsonNode node, int index, Consumer<ContractViolation> onBad) {
		if (node == null || !node.isObject()) {
			onBad.accept(new ContractViolation("gateway message " + index + " is not an object"));
			return null;
		}
		try {
			return Json.convert(node, GatewayMessage.class);
		}
		catch (ContractViolation ex) {
			onBad.accept(new ContractViolation("gateway message " + index + ": " + ex.getMessage(), ex));
			return null;
		}
	}

}

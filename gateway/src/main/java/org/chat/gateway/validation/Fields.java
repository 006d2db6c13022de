package org.chat.gateway.validation;

import java.util.List;
import java.util.regex.Pattern;

import org.chat.contracts.UserIds;
import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.events.SyncToken;
import org.chat.contracts.json.ContractViolation;
import org.chat.gateway.ids.MessageIds;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of payload fields. Every string field must be a JSON string: an object such as
 * {@code {"$ne": null}} where an id is expected is rejected, so operator-shaped input never travels on.
 */
final class Fields {

	private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private Fields() {
	}

	/** The first argument, which must be a JSON object. */
	static JsonNode object(List<JsonNode> args) {
		if (args.isEmpty() || !args.get(0).isObject()) {
			throw EventRejected.invalid("payload must be an object");
		}
		return args.get(0);
	}

	static boolean absent(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull();
	}

	static String userId(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || !UserIds.isValid(value.stringValue())) {
			throw EventRejected.invalid(field + " must be a user id (1-64 of letters, digits, '_', '-', '.', '@')");
		}
		return value.stringValue();
	}

	/** Optional free text: absent or null → null; longer than {@code max} code points → payload_too_large. */
	static String optionalText(JsonNode node, String field, int max) {
		if (absent(node, field)) {
			return null;
		}
		return text(node.get(field), field, max);
	}

	static String requiredText(JsonNode node, String field, int max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw EventRejected.invalid(field + " is required");
		}
		String text = text(value, field, max);
		if (text.isBlank()) {
			throw EventRejected.invalid(field + " must not be blank");
		}
		return text;
	}

	private static String text(JsonNode value, String field, int max) {
		if (!value.isString()) {
			throw EventRejected.invalid(field + " must be a string");
		}
		String text = value.stringValue();
		if (text.codePointCount(0, text.length()) > max) {
			throw new EventRejected(ErrorCode.PAYLOAD_TOO_LARGE, field + " is longer than " + max + " characters");
		}
		return text;
	}

	static String optionalClientMessageId(JsonNode node, String field) {
		if (absent(node, field)) {
			return null;
		}
		JsonNode value = node.get(field);
		if (!value.isString() || !CLIENT_MESSAGE_ID.matcher(value.stringValue()).matches()) {
			throw EventRejected.invalid(field + " must be 1-64 of letters, digits, '_', '-', '.', ':'");
		}
		return value.stringValue();
	}

	static String optionalMessageId(JsonNode node, String field) {
		if (absent(node, field)) {
			return null;
		}
		JsonNode value = node.get(field);
		if (!value.isString() || !MessageIds.isValid(value.stringValue())) {
			throw EventRejected.invalid(field + " must be a message id (24 lowercase hex digits)");
		}
		return value.stringValue();
	}

	/** A sync token from an earlier answer, or a message id (the older form); the service reads the rest. */
	static String optionalSyncCursor(JsonNode node, String field) {
		if (absent(node, field)) {
			return null;
		}
		JsonNode value = node.get(field);
		if (!value.isString() || !(MessageIds.isValid(value.stringValue()) || wellFormedToken(value.stringValue()))) {
			throw EventRejected.invalid(field + " must be the next token of an earlier sync answer (or a message id)");
		}
		return value.stringValue();
	}

	private static boolean wellFormedToken(String value) {
		try {
			SyncToken.decode(value);
			return true;
		}
		catch (ContractViolation ex) {
			return false;
		}
	}

	static boolean requiredBoolean(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isBoolean()) {
			throw EventRejected.invalid(field + " must be true or false");
		}
		return value.booleanValue();
	}

	static int optionalInt(JsonNode node, String field, int min, int max, int fallback) {
		if (absent(node, field)) {
			return fallback;
		}
		JsonNode value = node.get(field);
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			throw EventRejected.invalid(field + " must be an integer from " + min + " to " + max);
		}
		return value.intValue();
	}

}

package org.chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Exact assertions on the frames of docs/PROTOCOL.md: every key present, no unexpected key, every value. */
public final class Frames {

	private static final String MESSAGE_ID = "[0-9a-f]{24}";

	private static final List<String> MESSAGE_KEYS = List.of("id", "_id", "text", "sender", "recipient", "isPrivate",
			"isRead", "createdAt");

	private Frames() {
	}

	/** A message as the sender's ack describes it; what every view of it must show. */
	public record Sent(String id, Instant createdAt, String text, String from, String to, String clientMessageId) {
	}

	public static Set<String> keys(JsonNode node) {
		return new LinkedHashSet<>(node.propertyNames());
	}

	/** {@code {ok:true, messageId, createdAt}} exactly; the message id is 24 hex digits, createdAt ISO-8601 UTC. */
	public static Sent assertSendAck(JsonNode ack, String text, String from, String to, String clientMessageId) {
		assertThat(keys(ack)).as("send ack %s", ack).containsExactlyInAnyOrder("ok", "messageId", "createdAt");
		assertThat(ack.get("ok").isBoolean() && ack.get("ok").booleanValue()).as("ok in %s", ack).isTrue();
		assertThat(ack.get("messageId").asString()).as("messageId in %s", ack).matches(MESSAGE_ID);
		Instant createdAt = isoInstant(ack.get("createdAt"));
		assertThat(createdAt).as("createdAt of %s is recent", ack)
			.isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now().plus(Duration.ofMinutes(2)));
		return new Sent(ack.get("messageId").asString(), createdAt, text, from, to, clientMessageId);
	}

	/** A {@code receive_private_message}: the Message fields plus {@code fromUserId}/{@code toUserId}, exactly. */
	public static void assertReceived(JsonNode actual, Sent expected, boolean isRead) {
		Set<String> keys = new HashSet<>(MESSAGE_KEYS);
		keys.add("fromUserId");
		keys.add("toUserId");
		if (expected.clientMessageId() != null) {
			keys.add("clientMessageId");
		}
		assertThat(keys(actual)).as("keys of %s", actual).containsExactlyInAnyOrderElementsOf(keys);
		assertMessageValues(actual, expected, isRead);
		assertThat(actual.get("fromUserId").asString()).as("fromUserId of %s", actual).isEqualTo(expected.from());
		assertThat(actual.get("toUserId").asString()).as("toUserId of %s", actual).isEqualTo(expected.to());
	}

	/**
	 * A {@code Message} of history or sync: its fields exactly, where {@code fromUserId}/{@code toUserId} may also
	 * appear (the same view as the live event) but then must repeat sender/recipient.
	 */
	public static void assertStored(JsonNode actual, Sent expected, boolean isRead) {
		Set<String> required = new HashSet<>(MESSAGE_KEYS);
		if (expected.clientMessageId() != null) {
			required.add("clientMessageId");
		}
		Set<String> allowed = new HashSet<>(required);
		allowed.add("fromUserId");
		allowed.add("toUserId");
		assertThat(keys(actual)).as("keys of %s", actual).containsAll(required).isSubsetOf(allowed);
		assertMessageValues(actual, expected, isRead);
		if (actual.has("fromUserId")) {
			assertThat(actual.get("fromUserId").asString()).as("fromUserId of %s", actual).isEqualTo(expected.from());
		}
		if (actual.has("toUserId")) {
			assertThat(actual.get("toUserId").asString()).as("toUserId of %s", actual).isEqualTo(expected.to());
		}
	}

	private static void assertMessageValues(JsonNode actual, Sent expected, boolean isRead) {
		assertThat(actual.get("id").asString()).as("id of %s", actual).isEqualTo(expected.id());
		assertThat(actual.get("_id").asString()).as("_id of %s", actual).isEqualTo(expected.id());
		assertThat(actual.get("text").asString()).as("text of %s", actual).isEqualTo(expected.text());
		assertThat(actual.get("sender").asString()).as("sender of %s", actual).isEqualTo(expected.from());
		assertThat(actual.get("recipient").asString()).as("recipient of %s", actual).isEqualTo(expected.to());
		assertThat(actual.get("isPrivate").isBoolean() && actual.get("isPrivate").booleanValue())
			.as("isPrivate of %s", actual)
			.isTrue();
		assertThat(actual.get("isRead").isBoolean()).as("isRead is a boolean in %s", actual).isTrue();
		assertThat(actual.get("isRead").booleanValue()).as("isRead of %s", actual).isEqualTo(isRead);
		assertThat(isoInstant(actual.get("createdAt"))).as("createdAt of %s equals the ack's", actual)
			.isEqualTo(expected.createdAt());
		if (expected.clientMessageId() != null) {
			assertThat(actual.get("clientMessageId").asString()).as("clientMessageId of %s", actual)
				.isEqualTo(expected.clientMessageId());
		}
	}

	/** {@code {ok:false, error:{code, message}}} exactly, with a non-blank message. */
	public static void assertAckError(JsonNode ack, String code) {
		assertThat(keys(ack)).as("error ack %s", ack).containsExactlyInAnyOrder("ok", "error");
		assertThat(ack.get("ok").isBoolean() && !ack.get("ok").booleanValue()).as("ok false in %s", ack).isTrue();
		JsonNode error = ack.get("error");
		assertThat(keys(error)).as("error of %s", ack).containsExactlyInAnyOrder("code", "message");
		assertThat(error.get("code").asString()).as("code of %s", ack).isEqualTo(code);
		assertThat(error.get("message").isString() && !error.get("message").asString().isBlank())
			.as("message of %s", ack)
			.isTrue();
	}

	/** {@code chat_error {event, code, message}} exactly. */
	public static void assertChatError(JsonNode chatError, String event, String code) {
		assertThat(keys(chatError)).as("chat_error %s", chatError)
			.containsExactlyInAnyOrder("event", "code", "message");
		assertThat(chatError.get("event").asString()).as("event of %s", chatError).isEqualTo(event);
		assertThat(chatError.get("code").asString()).as("code of %s", chatError).isEqualTo(code);
		assertThat(chatError.get("message").isString() && !chatError.get("message").asString().isBlank())
			.as("message of %s", chatError)
			.isTrue();
	}

	/** The {@code messages} of a get_messages ack {@code {ok:true, messages[, hasMore]}}. */
	public static List<JsonNode> messages(JsonNode ack) {
		assertThat(ok(ack)).as("ok in %s", ack).isTrue();
		assertThat(keys(ack)).as("keys of %s", ack).contains("ok", "messages").isSubsetOf("ok", "messages", "hasMore");
		assertThat(ack.get("messages").isArray()).as("messages is an array in %s", ack).isTrue();
		return ack.get("messages").valueStream().toList();
	}

	/**
	 * The {@code messages} of a sync_messages ack {@code {ok:true, messages, next, hasMore}}; {@code next} is in every
	 * answer, also an empty one.
	 */
	public static List<JsonNode> syncMessages(JsonNode ack) {
		assertThat(ok(ack)).as("ok in %s", ack).isTrue();
		assertThat(keys(ack)).as("keys of %s", ack).containsExactlyInAnyOrder("ok", "messages", "next", "hasMore");
		assertThat(ack.get("hasMore").isBoolean()).as("hasMore is a boolean in %s", ack).isTrue();
		next(ack);
		assertThat(ack.get("messages").isArray()).as("messages is an array in %s", ack).isTrue();
		return ack.get("messages").valueStream().toList();
	}

	/** The opaque {@code next} token of a sync answer: a client stores it as it is and sends it as {@code since}. */
	public static String next(JsonNode syncAck) {
		JsonNode next = syncAck.path("next");
		assertThat(next.isString() && !next.asString().isEmpty()).as("a next token in %s", syncAck).isTrue();
		return next.asString();
	}

	/** An ISO-8601 instant in UTC ({@code ...Z}). */
	public static Instant isoInstant(JsonNode node) {
		assertThat(node != null && node.isString()).as("an ISO-8601 string: %s", node).isTrue();
		assertThat(node.asString()).as("UTC instant").endsWith("Z");
		return Instant.parse(node.asString());
	}

	public static boolean ok(JsonNode ack) {
		return ack.path("ok").isBoolean() && ack.path("ok").booleanValue();
	}

}

package org.chat.gateway.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.json.Json;
import org.chat.gateway.validation.EventRejected;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.LimitsProperties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every id a client names (send / typing {@code toUserId}, mark-read / history {@code otherUserId}) is refused
 * with {@code invalid_payload} when it could be an operator or break the conversation key ({@code a:b}); seeded
 * random ids over a hostile alphabet are accepted exactly when they are plain ids. {@code -Dchat.test.seed=N}
 * replays.
 */
class InjectionIdsTest {

	/** Letters, digits and {@code _ . @ -}, 1 to 64 of them: what a stored id may be. */
	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

	private static final String ALPHABET = "abcXYZ019_.@-$:{}[]\"' \\/\u0000\u00e9\uD83D\uDE00*|;,=";

	private final EventValidator validator = new EventValidator(LimitsProperties.defaults());

	private final List<Field> fields = List.of(
			new Field("send.toUserId", id -> validator.send(args(obj("text", "hi").set("toUserId", id)))),
			new Field("typing.toUserId", id -> validator.typing(args(obj("isTyping", "true").put("isTyping", true)
				.set("toUserId", id)))),
			new Field("mark.otherUserId", id -> validator.markRead(args(Json.MAPPER.createObjectNode().set("otherUserId", id)))),
			new Field("history.otherUserId",
					id -> validator.history(args(Json.MAPPER.createObjectNode().set("otherUserId", id)))));

	record Field(String name, Function<JsonNode, Object> validate) {
	}

	@Test
	void operatorShapedAndKeyBreakingIdsAreInvalidPayloads() {
		List<JsonNode> hostile = new ArrayList<>();
		for (String id : List.of("$where", "$ne", "{\"$ne\":null}", "a:b", "alice:bob", "", " ", "alice\u0000",
				"x".repeat(65), "x".repeat(100_000), "../admin", "a b", "1;DROP")) {
			hostile.add(Json.MAPPER.getNodeFactory().stringNode(id));
		}
		for (String json : List.of("{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}", "{\"$gt\":\"\"}", "[\"bob\"]",
				"null", "42", "true", "{\"$regex\":\".*\"}")) {
			hostile.add(Json.MAPPER.readTree(json));
		}
		for (Field field : fields) {
			for (JsonNode id : hostile) {
				assertThat(rejection(field, id)).as("%s = %s", field.name(), abbreviated(id))
					.isEqualTo(ErrorCode.INVALID_PAYLOAD);
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> randomIdsAreAcceptedExactlyWhenPlain() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + 20).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			for (int i = 0; i < 200; i++) {
				StringBuilder id = new StringBuilder();
				int length = random.nextInt(8) == 0 ? 60 + random.nextInt(10) : random.nextInt(12);
				for (int k = 0; k < length; k++) {
					id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				}
				JsonNode node = Json.MAPPER.getNodeFactory().stringNode(id.toString());
				Field field = fields.get(random.nextInt(fields.size()));
				ErrorCode expected = PLAIN_ID.matcher(id).matches() ? null : ErrorCode.INVALID_PAYLOAD;
				assertThat(rejection(field, node)).as("%s = %s", field.name(), id).isEqualTo(expected);
			}
		}));
	}

	private static ErrorCode rejection(Field field, JsonNode id) {
		EventRejected rejected = catchThrowableOfType(EventRejected.class, () -> field.validate().apply(id));
		return rejected == null ? null : rejected.code();
	}

	private static ObjectNode obj(String key, String value) {
		return Json.MAPPER.createObjectNode().put(key, value);
	}

	private static List<JsonNode> args(JsonNode payload) {
		return List.of(payload);
	}

	private static String abbreviated(JsonNode id) {
		String text = id.toString();
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}

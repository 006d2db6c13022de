package org.chat.contracts.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawJsonTest {

	private final RawJson message = RawJson.of(Json.MAPPER.readTree(
			"{\"_id\":\"m1\",\"text\":\"a \\\"createdAt\\\": no\",\"nested\":{\"createdAt\":\"inner\"},"
					+ "\"list\":[{\"createdAt\":1}],\"createdAt\":\"2026-01-01T10:00:00Z\",\"n\":3}"));

	@Test
	void aValueIsSerializedOnceAndWrittenVerbatim() {
		RawJson raw = RawJson.of(Map.of("a", List.of(1, "é")));

		assertThat(raw.text()).isEqualTo("{\"a\":[1,\"é\"]}");
		assertThat(RawJson.of(raw)).isSameAs(raw);
		assertThat(RawJson.of(null)).isNull();
		assertThat(Json.writeString(List.of(raw, raw))).isEqualTo("[" + raw.text() + "," + raw.text() + "]");
	}

	@Test
	void pathReadsOnlyTheTopLevelMember() {
		assertThat(this.message.path("createdAt").stringValue()).isEqualTo("2026-01-01T10:00:00Z");
		assertThat(this.message.path("n").intValue()).isEqualTo(3);
		assertThat(this.message.path("nested").path("createdAt").stringValue()).isEqualTo("inner");
		assertThat(this.message.path("absent").isMissingNode()).isTrue();
		assertThat(RawJson.of(List.of(1)).path("createdAt").isMissingNode()).isTrue();
		assertThat(RawJson.of("text").path("createdAt").isMissingNode()).isTrue();
	}

	@Test
	void pathOfAnUnparsedTextStreamsAndAgreesWithTheTree() {
		RawJson unparsed = GatewayTexts.unparsed(this.message.text());

		for (String name : List.of("_id", "text", "nested", "list", "createdAt", "n", "absent")) {
			assertThat(unparsed.path(name)).as(name).isEqualTo(this.message.tree().path(name));
		}
	}

	@Test
	void equalityIsThatOfTheValues() {
		RawJson spaced = GatewayTexts.unparsed("{ \"b\" : 2, \"a\" : [1] }");

		assertThat(spaced).isEqualTo(RawJson.of(Map.of("a", List.of(1), "b", 2)))
			.hasSameHashCodeAs(RawJson.of(Map.of("a", List.of(1), "b", 2)));
		assertThat(spaced).isNotEqualTo(RawJson.of(Map.of("a", List.of(1), "b", 3)));
		assertThat(spaced.toString()).isEqualTo("{ \"b\" : 2, \"a\" : [1] }");
		assertThat(Json.tree(spaced)).isEqualTo(Json.MAPPER.readTree("{\"a\":[1],\"b\":2}"));
	}

	@Test
	void convertReadsTheRecordFromTheText() {
		record Count(String fromUserId, int count) {
		}

		assertThat(Json.convert(RawJson.of(new Count("bob", 2)), Count.class)).isEqualTo(new Count("bob", 2));
	}

	/** RawJsons as a gateway reads them: slices of a payload, never parsed. */
	static final class GatewayTexts {

		private GatewayTexts() {
		}

		static RawJson unparsed(String json) {
			record Holder(RawJson value) {
			}
			String payload = "{\"value\":" + json + "}";
			return RawJson.withSource(Json.MAPPER.readerFor(Holder.class), payload)
				.<Holder>readValue(payload)
				.value();
		}

	}

}

package org.chat.contracts.fanout;

import java.util.ArrayList;
import java.util.List;

import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import org.chat.contracts.json.RawJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GatewayBatch#fromJson} keeps {@code data} and {@code ack} as the exact characters of the payload. */
class GatewayBatchRawTest {

	/** Values as a producer may write them, including spacing and escapes the mapper would not write. */
	static final List<String> VALUES = List.of("{\"_id\":\"m1\",\"text\":\"hi \\\"there\\\" \\\\ \\n\\t\\u00e9 ✓ 😀\"}",
			"{ \"a\" : [ 1, 2.5, -0, 1e-7, 12345678901234567890123, {\"b\":{\"c\":[[],{}]}} ] , \"d\" : null }",
			"[{\"fromUserId\":\"bob\",\"count\":2},{\"fromUserId\":\"carol\",\"count\":0}]", "[]", "{}", "\"plain\"",
			"\"\\u0000\\u001f\\\"\\\\\\/\"", "42", "-3.25E+2", "0", "true", "false", "null", "\"x\"");

	private final List<ContractViolation> bad = new ArrayList<>();

	@Test
	void dataAndAckAreTheSlicesOfTheObjectForm() {
		for (String value : VALUES) {
			for (String space : List.of("", " ", "\n\t ")) {
				String payload = "{\"kind\":\"REPLY\",\"sessions\":[\"s1\"],\"event\":\"e\",\"data\":" + space + value
						+ space + ",\"replyTo\":\"q1\",\"ack\":" + space + value + space + "}";

				GatewayMessage message = GatewayBatch.fromJson(payload, this.bad::add).get(0);

				assertThat(message.data().text()).as(payload).isEqualTo(value);
				assertThat(message.ack().text()).as(payload).isEqualTo(value);
				assertThat(message.data()).isEqualTo(RawJson.of(Json.MAPPER.readTree(value)));
			}
		}
		assertThat(this.bad).isEmpty();
	}

	@Test
	void aValueLastInItsObjectEndsAtItsOwnLastCharacter() {
		for (String value : VALUES) {
			String payload = "[{\"kind\":\"EMIT\",\"users\":[\"bob\"],\"event\":\"e\",\"data\":" + value + "},"
					+ "{\"kind\":\"EMIT\",\"users\":[\"bob\"],\"event\":\"e\",\"data\":" + value + "   }]";

			assertThat(GatewayBatch.fromJson(payload, this.bad::add)).extracting(m -> m.data().text())
				.as(payload)
				.containsExactly(value, value);
		}
	}

	@Test
	void everyElementOfALargeArrayGetsItsOwnSlice() {
		// larger than the parser's buffers, so slices cross buffer boundaries
		List<GatewayMessage> sent = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String value = VALUES.get(i % VALUES.size());
			sent.add(new GatewayMessage(GatewayMessage.Kind.EMIT, List.of("u" + i), null, null, false, "e" + i,
					RawJson.of(Json.MAPPER.readTree(value)), null, null, null));
		}
		String payload = GatewayBatch.toJson(sent);
		assertThat(payload.length()).isGreaterThan(64 * 1024 / 8);
		String big = "[" + String.join(",", java.util.Collections.nCopies(10, payload.substring(1, payload.length() - 1)))
				+ "]";
		assertThat(big.length()).isGreaterThan(64 * 1024);

		List<GatewayMessage> decoded = GatewayBatch.fromJson(big, this.bad::add);

		assertThat(this.bad).isEmpty();
		assertThat(decoded).hasSize(4000);
		for (int i = 0; i < decoded.size(); i++) {
			assertThat(decoded.get(i).event()).isEqualTo("e" + (i % 400));
			assertThat(decoded.get(i).data().text()).isEqualTo(sent.get(i % 400).data().text());
		}
	}

	@Test
	void anExplicitNullIsTheValueNullAndAnAbsentOneIsNone() {
		GatewayMessage message = GatewayBatch
			.fromJson("{\"kind\":\"EMIT\",\"event\":\"e\",\"data\":null}", this.bad::add)
			.get(0);

		assertThat(message.data()).isSameAs(RawJson.NULL);
		assertThat(message.ack()).isNull();
	}

	@Test
	void writtenDataComesBackCharacterForCharacter() {
		RawJson data = RawJson.of(Json.MAPPER.readTree(VALUES.get(0)));
		GatewayMessage one = GatewayMessage.toUsers(List.of("bob"), "e", data);

		assertThat(one.toJson()).contains("\"data\":" + data.text());
		assertThat(GatewayBatch.fromJson(GatewayBatch.toJson(List.of(one, one)), this.bad::add))
			.extracting(m -> m.data().text())
			.containsExactly(data.text(), data.text());
	}

	@Test
	void badElementsAreSkippedWhereverTheirBindingStopped() {
		String good = "{\"kind\":\"EMIT\",\"users\":[\"bob\"],\"event\":\"e\",\"data\":{\"n\":1}}";
		String payload = "[" + good + ",42,[1,[2]],null," //
				+ "{\"kind\":\"NOPE\",\"data\":{\"x\":[1,{\"y\":[]}]},\"users\":[\"a\"]}," //
				+ "{\"kind\":\"EMIT\",\"users\":{\"a\":[1,{}]},\"data\":[{\"z\":1}]}," //
				+ "{\"kind\":\"EMIT\",\"users\":[\"a\",{\"deep\":[[{}]]}],\"event\":\"e\"}," //
				+ good.replace("\"n\":1", "\"n\":2") + "]";

		List<GatewayMessage> decoded = GatewayBatch.fromJson(payload, this.bad::add);

		assertThat(decoded).extracting(m -> m.data().text()).containsExactly("{\"n\":1}", "{\"n\":2}");
		assertThat(this.bad).extracting(ContractViolation::getMessage)
			.satisfiesExactly(m -> assertThat(m).startsWith("gateway message 1 is not an object"),
					m -> assertThat(m).startsWith("gateway message 2 is not an object"),
					m -> assertThat(m).startsWith("gateway message 3 is not an object"),
					m -> assertThat(m).startsWith("gateway message 4: payload does not fit"),
					m -> assertThat(m).startsWith("gateway message 5: payload does not fit"),
					m -> assertThat(m).startsWith("gateway message 6: payload does not fit"));
	}

	@Test
	void aPayloadThatIsNotJsonAfterABadElementGivesOnlyItsOneReport() {
		String good = "{\"kind\":\"EMIT\",\"users\":[\"bob\"],\"event\":\"e\"}";

		assertThat(GatewayBatch.fromJson("[" + good + ",{\"kind\":\"NOPE\"}," + good + ",{\"data\":[1,}]",
				this.bad::add)).isEmpty();
		assertThat(GatewayBatch.fromJson("[" + good + ",{\"kind\":\"NOPE\",\"data\":{\"a\":tru}}]", this.bad::add))
			.isEmpty();
		assertThat(GatewayBatch.fromJson("[" + good + "] {}", this.bad::add)).isEmpty();
		assertThat(GatewayBatch.fromJson(good + " x", this.bad::add)).isEmpty();
		assertThat(GatewayBatch.fromJson("[" + good + ",", this.bad::add)).isEmpty();

		assertThat(this.bad).extracting(ContractViolation::getMessage)
			.containsOnly("undecodable gateway message")
			.hasSize(5);
	}

	@Test
	void emptyAndScalarPayloadsAreOneBadElement() {
		assertThat(GatewayBatch.fromJson("", this.bad::add)).isEmpty();
		assertThat(GatewayBatch.fromJson("null", this.bad::add)).isEmpty();
		assertThat(GatewayBatch.fromJson("[]", this.bad::add)).isEmpty();

		assertThat(this.bad).extracting(ContractViolation::getMessage)
			.containsExactly("gateway message 0 is not an object", "gateway message 0 is not an object");
	}

	@Test
	void readWithoutItsSourceTheValueIsReSerialized() {
		String payload = "{\"kind\":\"EMIT\",\"event\":\"e\",\"data\": { \"a\" : [1, \"\\u00e9\"] }}";

		GatewayMessage viaTree = Json.read(payload, GatewayMessage.class);

		assertThat(viaTree.data().text()).isEqualTo("{\"a\":[1,\"é\"]}");
		assertThat(viaTree).isEqualTo(GatewayMessage.fromJson(payload));
		assertThat(GatewayMessage.fromJson(payload).data().text()).isEqualTo("{ \"a\" : [1, \"\\u00e9\"] }");
	}

}

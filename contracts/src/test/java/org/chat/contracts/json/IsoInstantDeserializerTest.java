package org.chat.contracts.json;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantDeserializerTest {

	/** Jackson's own reading, which the fast path must match. */
	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final long SEED = Long.getLong("chat.test.seed", System.nanoTime());

	record Stamp(Instant at) {
	}

	@TestFactory
	Stream<DynamicTest> canonicalFormsReadAsJacksonAndInstantParseDo() {
		return IntStream.range(0, 20).mapToObj(i -> SEED + i).map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			for (int n = 0; n < 500; n++) {
				long second = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001..9999
				String text = Instant.ofEpochSecond(second).toString();
				int digits = random.nextInt(10);
				if (digits > 0) {
					StringBuilder fraction = new StringBuilder(".");
					for (int d = 0; d < digits; d++) {
						fraction.append((char) ('0' + random.nextInt(10)));
					}
					text = text.substring(0, text.length() - 1) + fraction + "Z";
				}
				assertThat(IsoInstantDeserializer.parse(text)).as(text).isEqualTo(Instant.parse(text));
				String json = "{\"at\":\"" + text + "\"}";
				assertThat(Json.read(json, Stamp.class)).as(text).isEqualTo(PLAIN.readValue(json, Stamp.class));
			}
		}));
	}

	@Test
	void otherFormsFallBackToJackson() {
		for (String value : List.of("\"2026-01-01T10:00:00+02:00\"", "1767261600", "1767261600.5",
				"\"2026-01-01T10:00:60Z\"", "\"2026-01-01T24:00:00Z\"", "\"+12026-01-01T10:00:00Z\"", "null")) {
			String json = "{\"at\":" + value + "}";
			assertThat(outcome(() -> Json.read(json, Stamp.class))).as(value)
				.isEqualTo(outcome(() -> PLAIN.readValue(json, Stamp.class)));
		}
		assertThat(IsoInstantDeserializer.parse("2026-01-01T10:00:00+02:00")).isNull();
		assertThat(IsoInstantDeserializer.parse("2026-02-30T10:00:00Z")).isNull();
		assertThat(IsoInstantDeserializer.parse("2026-01-01T10:00:00.Z")).isNull();
		assertThat(IsoInstantDeserializer.parse("2026-01-01T10:00:0xZ")).isNull();
	}

	/** The value read, or the kind of failure. */
	private static Object outcome(java.util.function.Supplier<Stamp> read) {
		try {
			return read.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass();
		}
	}

	@Test
	void invalidDatesStillFailAsBefore() {
		// Jackson's own error for a value that is no instant, naming the field
		assertThatThrownBy(() -> Json.read("{\"at\":\"2026-02-30T10:00:00Z\"}", Stamp.class))
			.isInstanceOf(InvalidFormatException.class)
			.hasMessageContaining("\"at\"");
		assertThatThrownBy(() -> Json.read("{\"at\":\"yesterday\"}", Stamp.class))
			.isInstanceOf(InvalidFormatException.class)
			.hasMessageContaining("\"at\"");
	}

	@Test
	void treesConvertThroughTheFastPathToo() {
		var tree = Json.MAPPER.readTree("{\"at\":\"2026-01-01T10:00:00.5Z\"}");
		assertThat(Json.convert(tree, Stamp.class).at()).isEqualTo(Instant.parse("2026-01-01T10:00:00.500Z"));
	}

}

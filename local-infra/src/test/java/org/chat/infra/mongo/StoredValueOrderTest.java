package org.chat.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** {@code -Dchat.test.seed=N} replays a run. */
class StoredValueOrderTest {

	@TestFactory
	Stream<DynamicTest> indexKeysSortLikeValueComparatorAndSurviveStorage() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + 20).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			for (int i = 0; i < 300; i++) {
				KeyValue a = randomKey(random);
				KeyValue b = random.nextInt(6) == 0 ? stored(StoredTypes.INDEX_KEYS, a) : randomKey(random);
				int expected = Integer.signum(ValueComparator.asc().compare(a.get(0), b.get(0)));
				int actual = Integer.signum(StoredTypes.INDEX_KEYS.compare(a, b));
				if (expected != 0) {
					assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
				}
				else {
					// ValueComparator ties (1 and 1.0) stay distinct keys exactly when KeyValue.equals says so
					assertThat(actual == 0).as("%s vs %s", a, b).isEqualTo(Objects.equals(a, b));
				}
				assertThat(Integer.signum(StoredTypes.INDEX_KEYS.compare(b, a))).isEqualTo(-actual);
				assertThat(stored(StoredTypes.INDEX_KEYS, a)).isEqualTo(a);
			}
		}));
	}

	@Test
	void compoundKeysCompareElementByElement() {
		DataType<KeyValue> keys = StoredTypes.INDEX_KEYS;
		assertThat(keys.compare(new KeyValue("a", 2.0), new KeyValue("a", 10.0))).isNegative();
		assertThat(keys.compare(new KeyValue("b", 1.0), new KeyValue("a", 10.0))).isPositive();
		assertThat(keys.compare(new KeyValue(null, "x"), new KeyValue(1.0, "x"))).isNegative();
		assertThat(keys.compare(new KeyValue("a", "x"), new KeyValue("a", "x"))).isZero();
	}

	@Test
	void positionsKeepTheirJavaTypesAndMissing() {
		for (Object position : List.of(1, 2L, 3.5, "m-1", new ObjectId(), new Document("a", 1).append("b", List.of("x")),
				Missing.getInstance())) {
			Object read = stored(StoredTypes.POSITIONS, position);
			assertThat(read).isEqualTo(position);
			assertThat(read).hasSameClassAs(position);
		}
	}

	@Test
	void documentsBsonCannotHoldAreKeptWhole() {
		Document odd = new Document("_id", "x").append("f", 1.5f).append("when", new java.util.Date(5));
		assertThat(storedDocument(odd)).isEqualTo(odd);
		Document plain = new Document("_id", "m").append("n", 3).append("tags", List.of("a", "b"));
		assertThat(storedDocument(plain)).isEqualTo(plain);
	}

	/** Data pages keep a document as its encoded bytes, found again by their own length. */
	private static Document storedDocument(Document document) {
		return StoredBson.readDocument(stored(StoredDocumentBytes.TYPE, StoredBson.document(document)));
	}

	private static <T> T stored(DataType<T> type, T value) {
		WriteBuffer out = new WriteBuffer();
		type.write(out, value);
		type.write(out, value);
		ByteBuffer in = out.getBuffer().flip();
		T first = type.read(in);
		assertThat(type.read(in)).isEqualTo(first);
		assertThat(in.hasRemaining()).isFalse();
		return first;
	}

	private static KeyValue randomKey(Random random) {
		return new KeyValue(randomValue(random, 2));
	}

	private static Object randomValue(Random random, int depth) {
		return switch (random.nextInt(depth > 0 ? 8 : 7)) {
			case 0 -> null;
			case 1 -> random.nextInt(5) - 2;
			case 2 -> (long) random.nextInt(5) - 2;
			case 3 -> random.nextInt(10) / 2.0 - 2;
			case 4 -> "s" + random.nextInt(4);
			case 5 -> random.nextBoolean();
			case 6 -> random.nextBoolean() ? "" : "S" + random.nextInt(3);
			default -> {
				Document document = new Document();
				for (int i = random.nextInt(3); i > 0; i--) {
					document.put("k" + random.nextInt(3), randomValue(random, depth - 1));
				}
				yield document;
			}
		};
	}

}

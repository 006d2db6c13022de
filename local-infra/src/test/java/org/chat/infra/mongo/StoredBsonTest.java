package org.chat.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** {@code -Dchat.test.seed=N} replays a run. */
class StoredBsonTest {

	@TestFactory
	Stream<DynamicTest> stringIdsAndKeysAreTheBytesOfTheGenericEncoding() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + 20).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			for (int i = 0; i < 200; i++) {
				String id = randomString(random);
				byte[] value = StoredBson.value(id);
				assertThat(value).as(id).isEqualTo(generic(new Document("v", id)));
				assertThat(readAll(value, StoredBson::readValue)).isEqualTo(id);
				byte[] key = StoredBson.key(new KeyValue(id));
				assertThat(key).as(id).isEqualTo(generic(new Document("0", id)));
				assertThat(readAll(key, StoredBson::readKey)).isEqualTo(new KeyValue(id));
				// UTF-8 cannot hold a lone surrogate: both encodings write '?' for it
				String broken = id + (char) (0xD800 + random.nextInt(0x800)) + id;
				assertThat(StoredBson.value(broken)).isEqualTo(generic(new Document("v", broken)));
			}
		}));
	}

	@Test
	void entriesThatAreNotOneStringStillReadBack() {
		for (Object value : List.of(7, "", new Document("v", "nested"), List.of("a"), new ObjectId())) {
			assertThat(readAll(StoredBson.value(value), StoredBson::readValue)).isEqualTo(value);
		}
		KeyValue pair = new KeyValue("a", "b");
		assertThat(readAll(StoredBson.key(pair), StoredBson::readKey)).isEqualTo(pair);
		assertThat(readAll(StoredBson.key(new KeyValue(3L)), StoredBson::readKey)).isEqualTo(new KeyValue(3L));
	}

	@Test
	void documentsAreStoredAsTheBytesMongoJavaServersEncoderWrites() {
		Document document = new Document("_id", new ObjectId()).append("zoë", "ünïcode ✓")
			.append("n", 1)
			.append("l", 2L)
			.append("d", 2.5)
			.append("null", null)
			.append("at", Instant.ofEpochMilli(1_700_000_000_123L))
			.append("u", UUID.randomUUID())
			.append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))));
		ByteBuf expected = Unpooled.buffer();
		BsonEncoder.encodeDocument(document, expected);
		byte[] expectedBytes = new byte[expected.readableBytes()];
		expected.readBytes(expectedBytes);

		byte[] stored = StoredBson.document(document);

		assertThat(Arrays.copyOfRange(stored, 1, stored.length)).isEqualTo(expectedBytes);
		assertThat(StoredBson.readDocument(ByteBuffer.wrap(stored))).isEqualTo(document);
	}

	@Test
	void aMisreadEntryFailsClearlyInsteadOfAllocatingItsGarbageLength() {
		byte[] garbage = { 7, 0x7f, 0x7f, 0x7f, 0x7f, 1, 2 };
		assertThatThrownBy(() -> StoredBson.readValue(ByteBuffer.wrap(garbage))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Unreadable stored value");
		assertThatThrownBy(() -> StoredDocumentBytes.TYPE.read(ByteBuffer.wrap(garbage)))
			.isInstanceOf(IllegalStateException.class);
		byte[] javaTagged = { 2, 0x7f, 0x7f, 0x7f, 0x7f, 1, 2 };
		assertThatThrownBy(() -> StoredBson.readValue(ByteBuffer.wrap(javaTagged))).isInstanceOf(IllegalStateException.class);
	}

	/** What StoredBson wrote for every value before string entries took a shortcut: tag, then the wire encoder's BSON. */
	private static byte[] generic(Document document) {
		ByteBuf bson = Unpooled.buffer();
		BsonEncoder.encodeDocument(document, bson);
		byte[] bytes = new byte[1 + bson.readableBytes()];
		bytes[0] = 1;
		bson.readBytes(bytes, 1, bytes.length - 1);
		return bytes;
	}

	/** Reads one entry followed by a marker byte, which must be left unread. */
	private static <T> T readAll(byte[] stored, Function<ByteBuffer, T> reader) {
		ByteBuffer in = ByteBuffer.allocate(stored.length + 1).put(stored).put((byte) 42).flip();
		T read = reader.apply(in);
		assertThat(in.remaining()).isEqualTo(1);
		assertThat(in.get()).isEqualTo((byte) 42);
		return read;
	}

	private static String randomString(Random random) {
		StringBuilder string = new StringBuilder();
		int length = random.nextInt(30);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(4)) {
				case 0 -> string.append((char) ('0' + random.nextInt(10)));
				case 1 -> string.append((char) ('a' + random.nextInt(6)));
				case 2 -> string.append((char) random.nextInt(0x800));
				default -> string.appendCodePoint(0x1F600 + random.nextInt(50));
			}
		}
		return string.toString();
	}

}

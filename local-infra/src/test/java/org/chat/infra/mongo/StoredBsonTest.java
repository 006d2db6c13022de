package org.chat.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

class StoredBsonTest {

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

}

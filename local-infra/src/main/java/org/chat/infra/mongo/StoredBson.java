package org.chat.infra.mongo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The bytes the file store keeps for documents, index keys and positions: a tag byte, then BSON
 * written by mongo-java-server's own wire codec. A value BSON cannot hold (a Java type no client can
 * send) falls back to Java serialization, so nothing is ever lost.
 */
final class StoredBson {

	private static final byte MISSING = 0;

	private static final byte BSON = 1;

	private static final byte JAVA = 2;

	private static final char VALUE_FIELD = 'v';

	private static final char FIRST_KEY_FIELD = '0';

	private StoredBson() {
	}

	static byte[] document(Document document) {
		return encode(document);
	}

	static Document readDocument(ByteBuffer in) {
		return (Document) decode(in);
	}

	static Document readDocument(byte[] stored) {
		return readDocument(ByteBuffer.wrap(stored));
	}

	/** The length of the tagged entry starting at {@code in}'s position, which is left unchanged. */
	static int storedLength(ByteBuffer in) {
		int at = in.position();
		byte tag = in.get(at);
		int length = switch (tag) {
			case MISSING -> 1;
			case BSON -> 1 + in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(at + 1);
			case JAVA -> 5 + in.getInt(at + 1);
			default -> -1;
		};
		if (length < 1 || length > in.remaining()) {
			throw new IllegalStateException("Unreadable stored value (tag " + tag + ")");
		}
		return length;
	}

	/** A single value such as an {@code _id}; {@link Missing} is kept as itself. */
	static byte[] value(Object value) {
		if (value instanceof Missing) {
			return new byte[] { MISSING };
		}
		if (value instanceof String string) {
			return SingleStringBson.encode(BSON, VALUE_FIELD, string);
		}
		return encode(new Document(String.valueOf(VALUE_FIELD), value));
	}

	static Object readValue(ByteBuffer in) {
		String string = singleString(in, VALUE_FIELD);
		if (string != null) {
			return string;
		}
		Document wrapper = decode(in);
		return wrapper == null ? Missing.getInstance() : wrapper.get(String.valueOf(VALUE_FIELD));
	}

	/** Index key elements become fields "0", "1", ... of one BSON document. */
	static byte[] key(KeyValue key) {
		if (key.size() == 1 && key.get(0) instanceof String string) {
			return SingleStringBson.encode(BSON, FIRST_KEY_FIELD, string);
		}
		Document fields = new Document();
		for (int i = 0; i < key.size(); i++) {
			fields.put(Integer.toString(i), key.get(i));
		}
		return encode(fields);
	}

	static KeyValue readKey(ByteBuffer in) {
		String string = singleString(in, FIRST_KEY_FIELD);
		if (string != null) {
			return new KeyValue(string);
		}
		return new KeyValue(decode(in).values());
	}

	/** The string of a tagged {@code {field: string}} entry, consumed; null, consuming nothing, for anything else. */
	private static String singleString(ByteBuffer in, char field) {
		if (in.get(in.position()) != BSON) {
			return null;
		}
		in.get();
		String string = SingleStringBson.decode(in, field);
		if (string == null) {
			in.position(in.position() - 1);
		}
		return string;
	}

	private static byte[] encode(Document document) {
		ByteBuf buffer = Unpooled.buffer(256);
		buffer.writeByte(BSON);
		try {
			writeTopLevel(document, buffer);
		}
		catch (IllegalArgumentException | ClassCastException unsupportedType) {
			return javaSerialized(document);
		}
		byte[] bytes = new byte[buffer.readableBytes()];
		buffer.readBytes(bytes);
		return bytes;
	}

	/**
	 * What BsonEncoder.encodeDocument writes, walking entries instead of looking every key up again
	 * (that lookup was a fifth of the page writer's time); nested values go through BsonEncoder.
	 */
	private static void writeTopLevel(Document document, ByteBuf out) {
		int start = out.writerIndex();
		out.writeIntLE(0);
		for (Map.Entry<String, Object> field : document.entrySet()) {
			byte type = BsonEncoder.determineType(field.getValue());
			out.writeByte(type);
			out.writeCharSequence(field.getKey(), StandardCharsets.UTF_8);
			out.writeByte(0);
			BsonEncoder.encodeValue(type, field.getValue(), out);
		}
		out.writeByte(0);
		out.setIntLE(start, out.writerIndex() - start);
	}

	/** Reads one tagged entry and leaves {@code in} just after it; null for {@link Missing}. */
	private static Document decode(ByteBuffer in) {
		byte tag = in.get();
		if (tag == MISSING) {
			return null;
		}
		if (tag == BSON) {
			ByteBuf buffer = Unpooled.wrappedBuffer(in.slice());
			Document document = BsonDecoder.decodeBson(buffer);
			in.position(in.position() + buffer.readerIndex());
			return document;
		}
		int length = in.remaining() < 4 ? -1 : in.getInt(in.position());
		if (tag != JAVA || length < 0 || length > in.remaining() - 4) {
			// A misread page, not a value: fail clearly rather than allocate a garbage length.
			throw new IllegalStateException("Unreadable stored value (tag " + tag + ")");
		}
		byte[] bytes = new byte[in.getInt()];
		in.get(bytes);
		try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return (Document) objects.readObject();
		}
		catch (IOException | ClassNotFoundException e) {
			throw new IllegalStateException("Unreadable stored value", e);
		}
	}

	private static byte[] javaSerialized(Document document) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
			objects.writeObject(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return ByteBuffer.allocate(5 + bytes.size()).put(JAVA).putInt(bytes.size()).put(bytes.toByteArray()).array();
	}

}

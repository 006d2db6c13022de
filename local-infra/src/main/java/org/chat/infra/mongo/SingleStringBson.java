package org.chat.infra.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes {@link StoredBson} writes for a one-field document holding a string, {@code {"v": id}} for
 * a string {@code _id} or {@code {"0": id}} for its index key, written and read directly: these are most
 * of the entries of the {@code _id} index and data map keys, which MVStore writes and reads again on
 * every commit and page load, and going through a Document and a ByteBuf cost more than the page I/O.
 */
final class SingleStringBson {

	private static final byte STRING_TYPE = 2;

	/** Length, type, one-letter name and its terminator, string length, string terminator, end of document. */
	private static final int FIXED_BYTES = 4 + 1 + 2 + 4 + 1 + 1;

	private SingleStringBson() {
	}

	/** {@code tag} then the BSON document {@code {field: value}}. */
	static byte[] encode(byte tag, char field, String value) {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		ByteBuffer out = ByteBuffer.allocate(1 + FIXED_BYTES + utf8.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put(tag).putInt(FIXED_BYTES + utf8.length).put(STRING_TYPE).put((byte) field).put((byte) 0);
		out.putInt(utf8.length + 1).put(utf8).put((byte) 0).put((byte) 0);
		return out.array();
	}

	/**
	 * The string if the BSON document at {@code in}'s position is {@code {field: a string}}, leaving
	 * {@code in} after it; otherwise null, leaving {@code in} unchanged.
	 */
	static String decode(ByteBuffer in, char field) {
		int at = in.position();
		if (in.remaining() < FIXED_BYTES || in.get(at + 4) != STRING_TYPE || in.get(at + 5) != (byte) field
				|| in.get(at + 6) != 0) {
			return null;
		}
		ByteBuffer little = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		int length = little.getInt(at);
		int stringBytes = little.getInt(at + 7) - 1;
		if (stringBytes < 0 || length != FIXED_BYTES + stringBytes || in.remaining() < length) {
			return null;
		}
		byte[] utf8 = new byte[stringBytes];
		in.get(at + 11, utf8);
		in.position(at + length);
		return new String(utf8, StandardCharsets.UTF_8);
	}

}

package org.chat.gateway.engineio.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: a type with optional text data, or a binary MESSAGE ({@code binary} non-null). A text
 * packet may carry its WebSocket frame already encoded ({@code frame}, UTF-8 of {@link EngineCodec#encode}):
 * one packet shared by many sessions (a fan-out) is then encoded once, and every session writes the same
 * bytes. The frame is never modified.
 */
public record EnginePacket(EnginePacketType type, String text, byte[] binary, byte[] frame) {

	public static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null);

	public static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, "", null);

	public static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null);

	public static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null);

	public static final EnginePacket UPGRADE = new EnginePacket(EnginePacketType.UPGRADE, "", null);

	public EnginePacket {
		Objects.requireNonNull(type, "type");
		if (binary != null && type != EnginePacketType.MESSAGE) {
			throw new IllegalArgumentException("only MESSAGE packets carry binary data");
		}
		if (binary != null && frame != null) {
			throw new IllegalArgumentException("a binary packet is its own frame");
		}
		text = binary == null && text == null ? "" : text;
	}

	public EnginePacket(EnginePacketType type, String text, byte[] binary) {
		this(type, text, binary, null);
	}

	public static EnginePacket message(String text) {
		return new EnginePacket(EnginePacketType.MESSAGE, text, null);
	}

	public static EnginePacket message(byte[] binary) {
		return new EnginePacket(EnginePacketType.MESSAGE, null, Objects.requireNonNull(binary, "binary"));
	}

	public static EnginePacket of(EnginePacketType type, String text) {
		return new EnginePacket(type, text, null);
	}

	/** A MESSAGE whose text frame is encoded now, once, for every session it is queued on. */
	public static EnginePacket preEncoded(String text) {
		EnginePacket packet = message(text);
		return new EnginePacket(packet.type, packet.text, null,
				EngineCodec.encode(packet).getBytes(StandardCharsets.UTF_8));
	}

	public boolean isBinary() {
		return binary != null;
	}

	/**
	 * Bytes this packet occupies on a WebSocket (the frame payload): what the outbound byte bound counts. A text
	 * packet that is not pre-encoded is measured without encoding it.
	 */
	public int wireSize() {
		if (frame != null) {
			return frame.length;
		}
		if (binary != null) {
			return binary.length;
		}
		return 1 + utf8Length(text);
	}

	private static int utf8Length(String text) {
		int bytes = text.length();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x800) {
				// a surrogate pair is 4 bytes for 2 chars, any other char from here on 3 bytes for 1
				bytes += Character.isSurrogate(c) ? 1 : 2;
			}
			else if (c >= 0x80) {
				bytes += 1;
			}
		}
		return bytes;
	}

	/** {@code frame} is derived from type and text, so it takes no part in equality. */
	@Override
	public boolean equals(Object other) {
		return other instanceof EnginePacket that && type == that.type && Objects.equals(text, that.text)
				&& Arrays.equals(binary, that.binary);
	}

	@Override
	public int hashCode() {
		return Objects.hash(type, text) * 31 + Arrays.hashCode(binary);
	}

	@Override
	public String toString() {
		return type + (binary != null ? "<" + binary.length + " bytes>" : "'" + text + "'");
	}

}

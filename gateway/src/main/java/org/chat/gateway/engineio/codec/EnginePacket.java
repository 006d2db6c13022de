package org.chat.gateway.engineio.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: a type with optional text data, or a binary MESSAGE ({@code binary} non-null).
 */
public record EnginePacket(EnginePacketType type, String text, byte[] binary) {

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
		text = binary == null && text == null ? "" : text;
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

	public boolean isBinary() {
		return binary != null;
	}

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

package org.chat.gateway.engineio.codec;

/** Engine.IO 4 packet types; the wire form is the ordinal as one ASCII digit. */
public enum EnginePacketType {

	OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

	private static final EnginePacketType[] VALUES = values();

	public char code() {
		return (char) ('0' + ordinal());
	}

	/** @return the type of a wire digit, or null if the character is no packet type. */
	public static EnginePacketType of(char code) {
		int index = code - '0';
		return index >= 0 && index < VALUES.length ? VALUES[index] : null;
	}

}

package org.chat.gateway.socketio.codec;

/** Socket.IO 5 packet types; the wire form is the ordinal as one ASCII digit. */
public enum SioPacketType {

	CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

	private static final SioPacketType[] VALUES = values();

	public char code() {
		return (char) ('0' + ordinal());
	}

	public boolean isBinary() {
		return this == BINARY_EVENT || this == BINARY_ACK;
	}

	public boolean isEvent() {
		return this == EVENT || this == BINARY_EVENT;
	}

	public boolean isAck() {
		return this == ACK || this == BINARY_ACK;
	}

	/** @return the type of a wire digit, or null. */
	public static SioPacketType of(char code) {
		int index = code - '0';
		return index >= 0 && index < VALUES.length ? VALUES[index] : null;
	}

}

package org.chat.gateway.socketio.codec;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * One Socket.IO packet. {@code data} is null when absent; binary values are {@code BinaryNode}s (or, in a
 * decoded BINARY_* packet still waiting for its attachments, placeholders). {@code ackId} is {@link #NO_ACK}
 * when absent; {@code attachments} counts the binary engine messages that follow a BINARY_* packet.
 */
public record SioPacket(SioPacketType type, String namespace, long ackId, JsonNode data, int attachments) {

	public static final long NO_ACK = -1;

	public static final String DEFAULT_NAMESPACE = "/";

	public SioPacket {
		Objects.requireNonNull(type, "type");
		namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
	}

	public static SioPacket of(SioPacketType type, String namespace, JsonNode data) {
		return new SioPacket(type, namespace, NO_ACK, data, 0);
	}

	public boolean hasAck() {
		return ackId != NO_ACK;
	}

}

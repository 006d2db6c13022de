package org.chat.gateway.socketio.codec;

import java.util.ArrayList;
import java.util.List;

/** Collects the binary engine messages that follow a BINARY_EVENT / BINARY_ACK until the packet is whole. */
public final class BinaryAssembler {

	private final SioPacket packet;

	private final List<byte[]> attachments;

	public BinaryAssembler(SioPacket packet) {
		if (!packet.type().isBinary() || packet.attachments() < 1) {
			throw new IllegalArgumentException("not a binary packet with attachments: " + packet.type());
		}
		this.packet = packet;
		this.attachments = new ArrayList<>(packet.attachments());
	}

	/** @return the complete packet (placeholders replaced by bytes) once the last attachment arrived, else null. */
	public SioPacket add(byte[] attachment) {
		attachments.add(attachment);
		if (attachments.size() < packet.attachments()) {
			return null;
		}
		return new SioPacket(packet.type(), packet.namespace(), packet.ackId(),
				Placeholders.reconstruct(packet.data(), attachments), 0);
	}

}

package org.chat.gateway.socketio;

import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.socketio.codec.SioCodec;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioPacketType;

/**
 * An EVENT to the default namespace, without ack id, encoded once (Socket.IO packet, Engine.IO MESSAGE, UTF-8
 * frame) for every socket it is emitted to: a fan-out of a 100 KB user list to thousands of sockets serialises
 * it once, and every socket queues the same immutable bytes. Binary arguments are not supported (they would
 * travel as separate attachment frames). A socket of another namespace encodes the event itself.
 */
public final class PreparedEvent {

	private final String event;

	private final Object[] args;

	private final EnginePacket packet;

	private PreparedEvent(String event, Object[] args, EnginePacket packet) {
		this.event = event;
		this.args = args;
		this.packet = packet;
	}

	public static PreparedEvent of(String event, Object... args) {
		SioCodec.Encoded encoded = SioCodec.encode(SioPacket.of(SioPacketType.EVENT, SioPacket.DEFAULT_NAMESPACE,
				SocketIoSocketImpl.eventData(event, args)));
		if (!encoded.attachments().isEmpty()) {
			throw new IllegalArgumentException("binary arguments cannot be prepared: emit them per socket");
		}
		return new PreparedEvent(event, args.clone(), EnginePacket.preEncoded(encoded.text()));
	}

	public String event() {
		return event;
	}

	/** The arguments as given (for meters that read them); not to be modified. */
	public Object[] args() {
		return args;
	}

	/** The shared engine packet (its frame is the bytes every socket writes). */
	public EnginePacket packet() {
		return packet;
	}

}

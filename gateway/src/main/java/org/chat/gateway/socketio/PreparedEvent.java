package org.chat.gateway.socketio;

import org.chat.contracts.json.RawJson;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.socketio.codec.SioCodec;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioPacketType;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * An EVENT to the default namespace, without ack id, encoded once (Socket.IO packet, Engine.IO MESSAGE, UTF-8
 * frame) for every socket it is emitted to: a fan-out of a 100 KB user list to thousands of sockets serialises
 * it once, and every socket queues the same immutable bytes. Binary arguments are not supported (they would
 * travel as separate attachment frames). A socket of another namespace encodes the event itself.
 * <p>
 * Arguments that are all {@link RawJson} (the {@code data} of a Redis fan-out message, a slice of its payload)
 * are joined into the packet as their texts, without a tree: the same characters SioCodec would write for the
 * producer's JSON, which the mapper wrote compact (a text with spacing or escapes Jackson would not write
 * goes out as it came, still the same JSON value).
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
		if (allRaw(args)) {
			return new PreparedEvent(event, args.clone(), EnginePacket.preEncoded(rawEvent(event, args)));
		}
		SioCodec.Encoded encoded = SioCodec.encode(SioPacket.of(SioPacketType.EVENT, SioPacket.DEFAULT_NAMESPACE,
				SocketIoSocketImpl.eventData(event, args)));
		if (!encoded.attachments().isEmpty()) {
			throw new IllegalArgumentException("binary arguments cannot be prepared: emit them per socket");
		}
		return new PreparedEvent(event, args.clone(), EnginePacket.preEncoded(encoded.text()));
	}

	private static boolean allRaw(Object[] args) {
		for (Object arg : args) {
			if (!(arg instanceof RawJson)) {
				return false;
			}
		}
		return args.length > 0;
	}

	/**
	 * The EVENT packet {@code 2["<event>",<arg>,...]} as {@link SioCodec} writes it, joined from the arguments'
	 * JSON texts (a fan-out's data as it came from Redis) instead of serializing a tree of them; the event name
	 * is escaped as Jackson's generator escapes it.
	 */
	private static String rawEvent(String event, Object[] args) {
		int length = event.length() + 8;
		for (Object arg : args) {
			length += ((RawJson) arg).text().length() + 1;
		}
		StringBuilder text = new StringBuilder(length).append(SioPacketType.EVENT.code()).append("[\"");
		JsonStringEncoder.getInstance().quoteAsString(event, text);
		text.append('"');
		for (Object arg : args) {
			text.append(',').append(((RawJson) arg).text());
		}
		return text.append(']').toString();
	}

	public String event() {
		return event;
	}

	/** The arguments as given (for meters that read them: a fan-out's are {@link RawJson}); not to be modified. */
	public Object[] args() {
		return args;
	}

	/** The shared engine packet (its frame is the bytes every socket writes). */
	public EnginePacket packet() {
		return packet;
	}

}

package org.chat.gateway.socketio.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chat.contracts.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The Socket.IO 5 text format: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON>]}. Decoding is
 * strict: every deviation (unknown type, bad attachment count, bad namespace, ack id overflow, bad JSON,
 * a payload that does not fit the type) is a {@link SioProtocolException}.
 */
public final class SioCodec {

	/** At most this many binary attachments per packet (as the reference parser's default). */
	public static final int MAX_ATTACHMENTS = 10;

	/** Ack ids must stay exact in a JavaScript number. */
	public static final long MAX_ACK_ID = (1L << 53) - 1;

	static final int MAX_NAMESPACE_LENGTH = 256;

	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
			"disconnecting", "newListener", "removeListener");

	private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private SioCodec() {
	}

	/** A text packet and the binary attachments that follow it as separate engine messages. */
	public record Encoded(String text, List<byte[]> attachments) {
	}

	public static Encoded encode(SioPacket packet) {
		List<byte[]> attachments = new ArrayList<>(0);
		JsonNode data = packet.data() == null ? null : Placeholders.deconstruct(packet.data(), attachments);
		SioPacketType type = packet.type();
		if (!attachments.isEmpty()) {
			type = type.isAck() ? SioPacketType.BINARY_ACK : type.isEvent() ? SioPacketType.BINARY_EVENT : type;
		}
		StringBuilder out = new StringBuilder().append(type.code());
		if (type.isBinary()) {
			out.append(attachments.size()).append('-');
		}
		if (!SioPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
			out.append(packet.namespace()).append(',');
		}
		if (packet.hasAck()) {
			out.append(packet.ackId());
		}
		if (data != null) {
			out.append(Json.writeString(data));
		}
		return new Encoded(out.toString(), attachments);
	}

	public static SioPacket decode(String text) {
		if (text.isEmpty()) {
			throw new SioProtocolException("empty packet");
		}
		SioPacketType type = SioPacketType.of(text.charAt(0));
		if (type == null) {
			throw new SioProtocolException("unknown packet type '" + text.charAt(0) + "'");
		}
		int i = 1;
		int attachments = 0;
		if (type.isBinary()) {
			int dash = text.indexOf('-', i);
			if (dash < 0 || dash == i || dash - i > 2 || !digits(text, i, dash)) {
				throw new SioProtocolException("illegal attachments");
			}
			attachments = Integer.parseInt(text, i, dash, 10);
			if (attachments > MAX_ATTACHMENTS) {
				throw new SioProtocolException("too many attachments: " + attachments);
			}
			i = dash + 1;
		}
		String namespace = SioPacket.DEFAULT_NAMESPACE;
		if (i < text.length() && text.charAt(i) == '/') {
			int comma = text.indexOf(',', i);
			int end = comma < 0 ? text.length() : comma;
			namespace = namespace(text.substring(i, end));
			i = comma < 0 ? end : comma + 1;
		}
		long ackId = SioPacket.NO_ACK;
		int start = i;
		while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
			i++;
		}
		if (i > start) {
			ackId = ackId(text, start, i);
		}
		JsonNode data = i < text.length() ? json(text.substring(i)) : null;
		validate(type, ackId, data);
		return new SioPacket(type, namespace, ackId, data, attachments);
	}

	private static void validate(SioPacketType type, long ackId, JsonNode data) {
		boolean valid = switch (type) {
			case CONNECT -> ackId == SioPacket.NO_ACK && (data == null || data.isObject());
			case DISCONNECT -> ackId == SioPacket.NO_ACK && data == null;
			case CONNECT_ERROR -> ackId == SioPacket.NO_ACK && data != null && (data.isObject() || data.isString());
			case EVENT, BINARY_EVENT -> data != null && data.isArray() && !data.isEmpty() && data.get(0).isString()
					&& !RESERVED_EVENTS.contains(data.get(0).stringValue());
			case ACK, BINARY_ACK -> ackId != SioPacket.NO_ACK && data != null && data.isArray();
		};
		if (!valid) {
			throw new SioProtocolException("invalid payload for " + type);
		}
	}

	private static String namespace(String namespace) {
		if (namespace.length() > MAX_NAMESPACE_LENGTH) {
			throw new SioProtocolException("namespace too long");
		}
		for (int k = 0; k < namespace.length(); k++) {
			char c = namespace.charAt(k);
			if (c <= ' ' || c == 0x7f) {
				throw new SioProtocolException("bad namespace");
			}
		}
		return namespace;
	}

	private static long ackId(String text, int start, int end) {
		if (end - start > 16 || Long.parseLong(text, start, end, 10) > MAX_ACK_ID) {
			throw new SioProtocolException("ack id overflow");
		}
		return Long.parseLong(text, start, end, 10);
	}

	private static JsonNode json(String json) {
		try {
			return READER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new SioProtocolException("invalid JSON payload");
		}
	}

	private static boolean digits(String text, int from, int to) {
		for (int k = from; k < to; k++) {
			if (text.charAt(k) < '0' || text.charAt(k) > '9') {
				return false;
			}
		}
		return true;
	}

}

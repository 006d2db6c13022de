package org.chat.gateway.engineio.codec;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Engine.IO 4 wire format. A text packet is its type digit followed by its data; a binary MESSAGE
 * is a raw WebSocket binary frame or, inside a polling payload, {@code 'b'} + base64. A polling payload
 * joins packets with the record separator {@code \u001e}. Anything else is an {@link EngineProtocolException}.
 */
public final class EngineCodec {

	public static final char RECORD_SEPARATOR = '\u001e';

	private static final char BASE64_MARKER = 'b';

	private EngineCodec() {
	}

	/** Decodes one text frame (WebSocket) or one payload record (polling). */
	public static EnginePacket decode(String frame) {
		if (frame == null || frame.isEmpty()) {
			throw new EngineProtocolException("empty packet");
		}
		char code = frame.charAt(0);
		if (code == BASE64_MARKER) {
			return EnginePacket.message(decodeBase64(frame.substring(1)));
		}
		EnginePacketType type = EnginePacketType.of(code);
		if (type == null) {
			throw new EngineProtocolException("unknown packet type '" + code + "'");
		}
		String data = frame.substring(1);
		if (!data.isEmpty() && !carriesData(type)) {
			throw new EngineProtocolException(type + " packet carries no data");
		}
		return EnginePacket.of(type, data);
	}

	/** A WebSocket binary frame is always a binary MESSAGE. */
	public static EnginePacket decodeBinary(byte[] frame) {
		return EnginePacket.message(frame);
	}

	/** Encodes a packet as text: the WebSocket frame of a text packet, the payload record of any packet. */
	public static String encode(EnginePacket packet) {
		if (packet.isBinary()) {
			return BASE64_MARKER + Base64.getEncoder().encodeToString(packet.binary());
		}
		return packet.type().code() + packet.text();
	}

	/** Decodes a polling request body; a body longer than {@code maxPayload} characters is refused. */
	public static List<EnginePacket> decodePayload(String payload, int maxPayload) {
		if (payload.length() > maxPayload) {
			throw new EngineProtocolException("payload of " + payload.length() + " exceeds maxPayload " + maxPayload);
		}
		List<EnginePacket> packets = new ArrayList<>(2);
		int start = 0;
		while (true) {
			int end = payload.indexOf(RECORD_SEPARATOR, start);
			packets.add(decode(payload.substring(start, end < 0 ? payload.length() : end)));
			if (end < 0) {
				return packets;
			}
			start = end + 1;
		}
	}

	public static String encodePayload(List<EnginePacket> packets) {
		StringBuilder out = new StringBuilder();
		for (EnginePacket packet : packets) {
			if (!out.isEmpty()) {
				out.append(RECORD_SEPARATOR);
			}
			out.append(encode(packet));
		}
		return out.toString();
	}

	private static boolean carriesData(EnginePacketType type) {
		return type == EnginePacketType.MESSAGE || type == EnginePacketType.PING || type == EnginePacketType.PONG
				|| type == EnginePacketType.OPEN;
	}

	private static byte[] decodeBase64(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new EngineProtocolException("bad base64 in binary packet: " + ex.getMessage());
		}
	}

}

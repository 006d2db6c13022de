package org.chat.message.consume;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.Json;
import tools.jackson.databind.JavaType;

/**
 * Decodes sends and delivery receipts, nearly all of the traffic, straight to their payload record instead
 * of through a JSON tree and a second conversion. The type must be known before the payload is read, so
 * this applies to records that begin with their type (as {@link Envelope#toBytes} writes them); anything
 * else, and any record this cannot decode, is left to the general path, which reports it as before.
 */
final class DirectPayloads {

	/** {@link Envelope} with a typed payload. */
	record Typed<P>(String type, String eventId, String userId, String sessionId, String gatewayId, long epoch,
			Instant sentAt, P payload) {
	}

	/** How to recognise and decode one event type directly. */
	private record Direct(EventType type, byte[] prefix, JavaType envelopeType) {

		static Direct of(EventType type, Class<?> payload) {
			return new Direct(type, ("{\"type\":\"" + type.wireName() + "\"").getBytes(StandardCharsets.UTF_8),
					Json.MAPPER.getTypeFactory().constructParametricType(Typed.class, payload));
		}

	}

	private static final List<Direct> DIRECT = List.of(Direct.of(EventType.MESSAGE_SEND, SendMessage.class),
			Direct.of(EventType.MESSAGE_DELIVERED, MessageDelivered.class));

	private DirectPayloads() {
	}

	/** @return the record with its payload decoded, or {@code null} to take the general path */
	static InboundRecord decode(int partition, long offset, byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		for (Direct direct : DIRECT) {
			byte[] expected = direct.prefix();
			if (bytes.length > expected.length && Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length)) {
				return decode(partition, offset, direct, bytes);
			}
		}
		return null;
	}

	private static InboundRecord decode(int partition, long offset, Direct direct, byte[] bytes) {
		try {
			Typed<?> typed = Json.MAPPER.readValue(bytes, direct.envelopeType());
			if (typed.payload() == null) {
				return null;
			}
			Envelope envelope = new Envelope(typed.type(), typed.eventId(), typed.userId(), typed.sessionId(),
					typed.gatewayId(), typed.epoch(), typed.sentAt(), null);
			return new InboundRecord(partition, offset, direct.type(), envelope, typed.payload());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

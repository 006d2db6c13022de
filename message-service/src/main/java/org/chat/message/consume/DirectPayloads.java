package org.chat.message.consume;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

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

	private static final Map<EventType, Class<?>> PAYLOADS = Map.of(EventType.MESSAGE_SEND, SendMessage.class,
			EventType.MESSAGE_DELIVERED, MessageDelivered.class);

	private static final Map<EventType, byte[]> PREFIXES = prefixes();

	private static final Map<EventType, JavaType> TYPES = javaTypes();

	private DirectPayloads() {
	}

	/** @return the record with its payload decoded, or {@code null} to take the general path */
	static InboundRecord decode(int partition, long offset, byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		for (Map.Entry<EventType, byte[]> prefix : PREFIXES.entrySet()) {
			byte[] expected = prefix.getValue();
			if (bytes.length > expected.length && Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length)) {
				return decode(partition, offset, prefix.getKey(), bytes);
			}
		}
		return null;
	}

	private static InboundRecord decode(int partition, long offset, EventType type, byte[] bytes) {
		try {
			Typed<?> typed = Json.MAPPER.readValue(bytes, TYPES.get(type));
			if (typed.payload() == null) {
				return null;
			}
			Envelope envelope = new Envelope(typed.type(), typed.eventId(), typed.userId(), typed.sessionId(),
					typed.gatewayId(), typed.epoch(), typed.sentAt(), null);
			return new InboundRecord(partition, offset, type, envelope, typed.payload());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Map<EventType, byte[]> prefixes() {
		return Map.of(EventType.MESSAGE_SEND, prefix(EventType.MESSAGE_SEND), EventType.MESSAGE_DELIVERED,
				prefix(EventType.MESSAGE_DELIVERED));
	}

	private static byte[] prefix(EventType type) {
		return ("{\"type\":\"" + type.wireName() + "\"").getBytes(StandardCharsets.UTF_8);
	}

	private static Map<EventType, JavaType> javaTypes() {
		var factory = Json.MAPPER.getTypeFactory();
		return Map.of(EventType.MESSAGE_SEND,
				factory.constructParametricType(Typed.class, PAYLOADS.get(EventType.MESSAGE_SEND)),
				EventType.MESSAGE_DELIVERED,
				factory.constructParametricType(Typed.class, PAYLOADS.get(EventType.MESSAGE_DELIVERED)));
	}

}

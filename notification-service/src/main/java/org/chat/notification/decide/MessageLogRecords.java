package org.chat.notification.decide;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads of a chat.messages record only what the decider acts on. The type header tells sends, receipts and
 * reads, decoded straight to their payload record, from the other types, which are not parsed at all; a record
 * without the header (written before it existed) is decoded as a whole envelope.
 */
final class MessageLogRecords {

	/** A send, receipt or read: {@code userId} is the envelope's user (the socket's token). */
	record Event(String userId, Object payload) {
	}

	private static final Map<EventType, Class<?>> PAYLOADS = Map.of(EventType.MESSAGE_SEND, SendMessage.class,
			EventType.MESSAGE_DELIVERED, MessageDelivered.class, EventType.MESSAGES_READ, MarkRead.class);

	/** The payload is one value inside the envelope: what follows it is the envelope's, not trailing content. */
	private static final Map<Class<?>, ObjectReader> PAYLOAD_READERS = PAYLOADS.values().stream()
		.collect(Collectors.toUnmodifiableMap(type -> type,
				type -> Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)));

	private MessageLogRecords() {
	}

	/**
	 * @return the event, or {@code null} for a type the decider does not act on
	 * @throws ContractViolation when the value is not an envelope of its type with a payload that fits
	 */
	static Event decode(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new ContractViolation("null value");
		}
		String declared = EnvelopeRecords.declaredType(record);
		if (declared == null) {
			return whole(Envelope.fromBytes(record.value()));
		}
		EventType type = EventType.fromWire(declared);
		Class<?> payloadType = type == null ? null : PAYLOADS.get(type);
		if (payloadType == null) {
			return null;
		}
		try {
			return read(declared, payloadType, record.value());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ContractViolation("undecodable " + declared + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The envelope's {@code type}, {@code eventId} and {@code userId} by hand, its payload bound by the contracts'
	 * mapper, the other fields skipped: binding the envelope as a record cost as much again as its payload.
	 */
	private static Event read(String declared, Class<?> payloadType, byte[] value) {
		String type = null;
		String eventId = null;
		String userId = null;
		Object payload = null;
		try (JsonParser parser = Json.MAPPER.createParser(value)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new ContractViolation("undecodable " + declared + ": not an object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "type" -> type = parser.getValueAsString();
					case "eventId" -> eventId = parser.getValueAsString();
					case "userId" -> userId = parser.getValueAsString();
					case "payload" -> payload = token == JsonToken.VALUE_NULL ? null
							: PAYLOAD_READERS.get(payloadType).readValue(parser);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new ContractViolation("undecodable " + declared + ": trailing content");
			}
		}
		if (!declared.equals(type)) {
			throw new ContractViolation("header says " + declared + ", value says " + type);
		}
		if (eventId == null || userId == null || payload == null) {
			throw new ContractViolation(declared + " without eventId, userId or payload");
		}
		return new Event(userId, payload);
	}

	private static Event whole(Envelope envelope) {
		EventType type = envelope.eventType();
		Class<?> payload = type == null ? null : PAYLOADS.get(type);
		return payload == null ? null : new Event(envelope.userId(), envelope.payloadAs(payload));
	}

}

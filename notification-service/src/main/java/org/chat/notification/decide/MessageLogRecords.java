package org.chat.notification.decide;

import java.util.Map;

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
import tools.jackson.databind.JavaType;

/**
 * Reads of a chat.messages record only what the decider acts on. The type header tells sends, receipts and
 * reads, decoded straight to their payload record, from the other types, which are not parsed at all; a record
 * without the header (written before it existed) is decoded as a whole envelope.
 */
final class MessageLogRecords {

	/** A send, receipt or read: {@code userId} is the envelope's user (the socket's token). */
	record Event(String userId, Object payload) {
	}

	/** The envelope's fields the decider needs; the others are skipped unparsed. */
	record View<P>(String type, String eventId, String userId, P payload) {
	}

	private static final Map<EventType, JavaType> VIEWS = Map.of(EventType.MESSAGE_SEND, view(SendMessage.class),
			EventType.MESSAGE_DELIVERED, view(MessageDelivered.class), EventType.MESSAGES_READ, view(MarkRead.class));

	private static final Map<EventType, Class<?>> PAYLOADS = Map.of(EventType.MESSAGE_SEND, SendMessage.class,
			EventType.MESSAGE_DELIVERED, MessageDelivered.class, EventType.MESSAGES_READ, MarkRead.class);

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
		JavaType view = type == null ? null : VIEWS.get(type);
		if (view == null) {
			return null;
		}
		View<?> read;
		try {
			read = Json.MAPPER.readValue(record.value(), view);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ContractViolation("undecodable " + declared + ": " + ex.getMessage(), ex);
		}
		if (!declared.equals(read.type())) {
			throw new ContractViolation("header says " + declared + ", value says " + read.type());
		}
		if (read.eventId() == null || read.userId() == null || read.payload() == null) {
			throw new ContractViolation(declared + " without eventId, userId or payload");
		}
		return new Event(read.userId(), read.payload());
	}

	private static Event whole(Envelope envelope) {
		EventType type = envelope.eventType();
		Class<?> payload = type == null ? null : PAYLOADS.get(type);
		return payload == null ? null : new Event(envelope.userId(), envelope.payloadAs(payload));
	}

	private static JavaType view(Class<?> payload) {
		return Json.MAPPER.getTypeFactory().constructParametricType(View.class, payload);
	}

}

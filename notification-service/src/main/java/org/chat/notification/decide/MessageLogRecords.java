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
		EnvelopeRecords.Typed<?> typed = EnvelopeRecords.decodeTyped(declared, record.value(), payloadType);
		return new Event(typed.envelope().userId(), typed.payload());
	}

	private static Event whole(Envelope envelope) {
		EventType type = envelope.eventType();
		Class<?> payload = type == null ? null : PAYLOADS.get(type);
		return payload == null ? null : new Event(envelope.userId(), envelope.payloadAs(payload));
	}

}

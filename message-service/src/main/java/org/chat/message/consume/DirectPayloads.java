package org.chat.message.consume;

import java.time.Instant;
import java.util.Map;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import tools.jackson.databind.JavaType;

/**
 * Decodes sends and delivery receipts, nearly all of the traffic, straight to their payload record instead
 * of through a JSON tree and a second conversion. The record's type header says which applies, so the value's
 * field order does not matter.
 */
final class DirectPayloads {

	/** {@link Envelope} with a typed payload. */
	record Typed<P>(String type, String eventId, String userId, String sessionId, String gatewayId, long epoch,
			Instant sentAt, P payload) {
	}

	/** Decodes one event type directly. */
	record Direct(EventType type, JavaType envelopeType) {

		static Direct of(EventType type, Class<?> payload) {
			return new Direct(type, Json.MAPPER.getTypeFactory().constructParametricType(Typed.class, payload));
		}

		/** @throws ContractViolation when the value is not an envelope of this type with a payload that fits */
		InboundRecord decode(int partition, long offset, byte[] bytes) {
			Typed<?> typed;
			try {
				typed = Json.MAPPER.readValue(bytes, this.envelopeType);
			}
			catch (RuntimeException ex) {
				throw new ContractViolation("undecodable " + this.type.wireName() + ": " + ex.getMessage(), ex);
			}
			if (!this.type.wireName().equals(typed.type())) {
				throw new ContractViolation("header says " + this.type.wireName() + ", value says " + typed.type());
			}
			if (typed.eventId() == null || typed.userId() == null || typed.payload() == null) {
				throw new ContractViolation(this.type.wireName() + " without eventId, userId or payload");
			}
			Envelope envelope = new Envelope(typed.type(), typed.eventId(), typed.userId(), typed.sessionId(),
					typed.gatewayId(), typed.epoch(), typed.sentAt(), null);
			return new InboundRecord(partition, offset, this.type, envelope, typed.payload());
		}

	}

	private static final Map<EventType, Direct> DIRECT = Map.of(EventType.MESSAGE_SEND,
			Direct.of(EventType.MESSAGE_SEND, SendMessage.class), EventType.MESSAGE_DELIVERED,
			Direct.of(EventType.MESSAGE_DELIVERED, MessageDelivered.class));

	private DirectPayloads() {
	}

	/** @return the direct decoder of {@code type}, or {@code null} when its payload is read through the tree */
	static Direct of(EventType type) {
		return DIRECT.get(type);
	}

}

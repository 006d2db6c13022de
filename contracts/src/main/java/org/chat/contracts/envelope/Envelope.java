package org.chat.contracts.envelope;

import java.time.Instant;
import java.util.Objects;

import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The one record shape on both Kafka topics. {@code userId} always comes from the socket's token, never
 * from a client payload. {@code epoch} is the socket's epoch ({@code INCR presence:epoch:{userId}} at open).
 */
public record Envelope(String type, String eventId, String userId, String sessionId, String gatewayId, long epoch,
		Instant sentAt, JsonNode payload) {

	public Envelope {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(userId, "userId");
	}

	public static Envelope of(EventType type, String eventId, SessionRef session, Object payload) {
		return new Envelope(type.wireName(), eventId, session.userId(), session.sessionId(), session.gatewayId(),
				session.epoch(), Instant.now(), payload == null ? Json.MAPPER.createObjectNode() : Json.tree(payload));
	}

	/** @return the known type, or {@code null} if this version does not know it. */
	public EventType eventType() {
		return EventType.fromWire(this.type);
	}

	public <T> T payloadAs(Class<T> payloadType) {
		if (this.payload == null) {
			throw new ContractViolation(this.type + " without payload");
		}
		return Json.convert(this.payload, payloadType);
	}

	public SessionRef session() {
		return new SessionRef(this.userId, this.sessionId, this.gatewayId, this.epoch);
	}

	public byte[] toBytes() {
		return Json.write(this);
	}

	public static Envelope fromBytes(byte[] bytes) {
		try {
			return Json.read(bytes, Envelope.class);
		}
		catch (RuntimeException ex) {
			throw new ContractViolation("undecodable envelope", ex);
		}
	}

}

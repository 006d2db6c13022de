package org.chat.chassis.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Envelopes as Kafka records: produced to their type's topic with the type in the
 * {@link Topics#EVENT_TYPE_HEADER} header; consumed by the header's type, or, for a record written before the
 * header existed, by the value's {@code type} field.
 */
public final class EnvelopeRecords {

	/** An envelope (its {@code payload} tree left null) and its payload bound straight to the payload's record. */
	public record Typed<P>(Envelope envelope, P payload) {
	}

	/** Readers of one value inside the envelope: what follows it is the envelope's, not trailing content. */
	private static final Map<Class<?>, ObjectReader> INNER_READERS = new ConcurrentHashMap<>();

	private EnvelopeRecords() {
	}

	/** The record for {@code envelope}: its type's topic, the given key, the type header. */
	public static ProducerRecord<String, byte[]> toRecord(String key, Envelope envelope) {
		EventType type = envelope.eventType();
		if (type == null) {
			throw new IllegalArgumentException("unknown type " + envelope.type());
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, envelope.toBytes());
		record.headers().add(Topics.EVENT_TYPE_HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/** @return the wire name the producer put in the type header, or {@code null} for a record without it */
	public static String declaredType(ConsumerRecord<?, ?> record) {
		return declaredType(record.headers());
	}

	static String declaredType(Headers headers) {
		Header header = headers.lastHeader(Topics.EVENT_TYPE_HEADER);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/**
	 * The envelope of a record whose header declares {@code declared}, in one streaming pass: the envelope's fields
	 * read off the parser, its payload bound straight to {@code payloadType}, never a JSON tree in between (binding
	 * the tree and converting it cost as much again as the payload; nearly every record is a send or a receipt).
	 * @throws ContractViolation when the value is not an envelope of that type with the fields every envelope has
	 * and a payload that fits
	 */
	public static <P> Typed<P> decodeTyped(String declared, byte[] value, Class<P> payloadType) {
		try {
			return readTyped(declared, value, payloadType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ContractViolation("undecodable " + declared + ": " + ex.getMessage(), ex);
		}
	}

	private static <P> Typed<P> readTyped(String declared, byte[] value, Class<P> payloadType) {
		String type = null;
		String eventId = null;
		String userId = null;
		String sessionId = null;
		String gatewayId = null;
		long epoch = 0;
		Instant sentAt = null;
		P payload = null;
		try (JsonParser parser = Json.MAPPER.createParser(value)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new ContractViolation("undecodable " + declared + ": not an object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				if (token == JsonToken.VALUE_NULL) {
					continue;
				}
				switch (name) {
					case "type" -> type = parser.getValueAsString();
					case "eventId" -> eventId = parser.getValueAsString();
					case "userId" -> userId = parser.getValueAsString();
					case "sessionId" -> sessionId = parser.getValueAsString();
					case "gatewayId" -> gatewayId = parser.getValueAsString();
					case "epoch" -> epoch = parser.getValueAsLong();
					case "sentAt" -> sentAt = innerReader(Instant.class).readValue(parser);
					case "payload" -> payload = innerReader(payloadType).readValue(parser);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new ContractViolation("undecodable " + declared + ": trailing content");
			}
		}
		requireDeclared(declared, type);
		if (eventId == null || userId == null || payload == null) {
			throw new ContractViolation(declared + " without eventId, userId or payload");
		}
		return new Typed<>(new Envelope(type, eventId, userId, sessionId, gatewayId, epoch, sentAt, null), payload);
	}

	private static ObjectReader innerReader(Class<?> valueType) {
		return INNER_READERS.computeIfAbsent(valueType,
				type -> Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
	}

	/**
	 * The envelope in {@code record}, read as a whole (payload as a tree).
	 * @throws ContractViolation when the value is missing or not an envelope, or its type is not the header's
	 */
	public static Envelope decode(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new ContractViolation("null value");
		}
		Envelope envelope = Envelope.fromBytes(record.value());
		String declared = declaredType(record);
		if (declared != null) {
			requireDeclared(declared, envelope.type());
		}
		return envelope;
	}

	private static void requireDeclared(String declared, String type) {
		if (!declared.equals(type)) {
			throw new ContractViolation("header says " + declared + ", value says " + type);
		}
	}

}

package org.chat.chassis.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.ContractViolation;

/**
 * Envelopes as Kafka records: produced to their type's topic with the type in the
 * {@link Topics#EVENT_TYPE_HEADER} header; consumed by the header's type, or, for a record written before the
 * header existed, by the value's {@code type} field.
 */
public final class EnvelopeRecords {

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
	 * The envelope in {@code record}, read as a whole (payload as a tree).
	 * @throws ContractViolation when the value is missing or not an envelope, or its type is not the header's
	 */
	public static Envelope decode(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new ContractViolation("null value");
		}
		Envelope envelope = Envelope.fromBytes(record.value());
		String declared = declaredType(record);
		if (declared != null && !declared.equals(envelope.type())) {
			throw new ContractViolation("header says " + declared + ", value says " + envelope.type());
		}
		return envelope;
	}

}

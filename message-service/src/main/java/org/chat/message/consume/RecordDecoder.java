package org.chat.message.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a polled batch by each record's type header: sends and receipts, nearly all of the traffic, straight
 * to their payload record ({@link EnvelopeRecords#decodeTyped}), the rest as a whole envelope. A record without
 * the header (written before it existed) is read as a whole envelope. Undecodable records and unknown types are
 * logged with the reason and skipped (poison pills).
 */
public final class RecordDecoder {

	private static final Logger log = LoggerFactory.getLogger(RecordDecoder.class);

	/** The types decoded straight to their payload. */
	private static final Map<EventType, Class<?>> DIRECT = Map.of(EventType.MESSAGE_SEND, SendMessage.class,
			EventType.MESSAGE_DELIVERED, MessageDelivered.class);

	private RecordDecoder() {
	}

	public static List<InboundRecord> decode(List<ConsumerRecord<String, byte[]>> records) {
		List<InboundRecord> decoded = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				InboundRecord inbound = decode(record);
				if (inbound != null) {
					decoded.add(inbound);
				}
			}
			catch (ContractViolation ex) {
				log.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
						record.offset(), reason(ex));
			}
		}
		return decoded;
	}

	/** @return the decoded record, or {@code null} for a type this version does not know */
	private static InboundRecord decode(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new ContractViolation("null value");
		}
		String declared = EnvelopeRecords.declaredType(record);
		if (declared != null) {
			EventType type = EventType.fromWire(declared);
			if (type == null) {
				return unknown(record, declared);
			}
			Class<?> payload = DIRECT.get(type);
			if (payload != null) {
				EnvelopeRecords.Typed<?> typed = EnvelopeRecords.decodeTyped(declared, record.value(), payload);
				return new InboundRecord(record.partition(), record.offset(), type, typed.envelope(), typed.payload());
			}
		}
		Envelope envelope = EnvelopeRecords.decode(record);
		EventType type = envelope.eventType();
		return type == null ? unknown(record, envelope.type())
				: new InboundRecord(record.partition(), record.offset(), type, envelope);
	}

	private static String reason(ContractViolation ex) {
		Throwable cause = ex.getCause();
		return cause == null || ex.getMessage().contains(String.valueOf(cause.getMessage())) ? ex.getMessage()
				: ex.getMessage() + ": " + cause.getMessage();
	}

	private static InboundRecord unknown(ConsumerRecord<String, byte[]> record, String type) {
		log.warn("Skipping record {}-{}@{}: unknown type {}", record.topic(), record.partition(), record.offset(),
				type);
		return null;
	}

}

package org.chat.message.consume;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes a polled batch; undecodable records and unknown types are logged and skipped (poison pills). */
public final class RecordDecoder {

	private static final Logger log = LoggerFactory.getLogger(RecordDecoder.class);

	private RecordDecoder() {
	}

	public static List<InboundRecord> decode(List<ConsumerRecord<String, byte[]>> records) {
		List<InboundRecord> decoded = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			InboundRecord direct = DirectPayloads.decode(record.partition(), record.offset(), record.value());
			if (direct != null) {
				decoded.add(direct);
				continue;
			}
			try {
				Envelope envelope = Envelope.fromBytes(record.value());
				EventType type = envelope.eventType();
				if (type == null) {
					log.warn("Skipping record {}-{}@{}: unknown type {}", record.topic(), record.partition(),
							record.offset(), envelope.type());
					continue;
				}
				decoded.add(new InboundRecord(record.partition(), record.offset(), type, envelope));
			}
			catch (RuntimeException ex) {
				log.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
						record.offset(), ex.toString());
			}
		}
		return decoded;
	}

}

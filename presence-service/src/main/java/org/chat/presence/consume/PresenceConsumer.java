package org.chat.presence.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.ContractViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Flux;

/**
 * Consumes chat.presence in batches, at-least-once: offsets are committed after the whole batch was applied;
 * a failure (Redis down) throws, and the container retries the batch, which is safe because every handler is
 * idempotent. One user's events are applied in record order; different users concurrently.
 */
public class PresenceConsumer {

	private static final Logger log = LoggerFactory.getLogger(PresenceConsumer.class);

	private static final int USERS_IN_FLIGHT = 64;

	private final EnvelopeDispatcher dispatcher;

	private final Duration timeout;

	/** @param timeout longest one batch may take before it is failed and retried */
	public PresenceConsumer(EnvelopeDispatcher dispatcher, Duration timeout) {
		this.dispatcher = dispatcher;
		this.timeout = timeout;
	}

	@KafkaListener(id = "presence-consumer", topics = Topics.PRESENCE, groupId = Topics.PRESENCE_SERVICE_GROUP,
			batch = "true")
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		Map<String, List<Envelope>> byUser = new LinkedHashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			Envelope envelope = decode(record);
			if (envelope != null) {
				byUser.computeIfAbsent(envelope.userId(), user -> new ArrayList<>()).add(envelope);
			}
		}
		Flux.fromIterable(byUser.values())
			.flatMap(events -> Flux.fromIterable(events).concatMap(this.dispatcher::dispatch), USERS_IN_FLIGHT)
			.then()
			.block(this.timeout);
	}

	/**
	 * @return the envelope, or {@code null} for a record to skip: one whose type header names an unknown type or
	 * one of the other topic (not parsed at all), or one that does not decode
	 */
	static Envelope decode(ConsumerRecord<String, byte[]> record) {
		String declared = EnvelopeRecords.declaredType(record);
		EventType type = declared == null ? null : EventType.fromWire(declared);
		if (declared != null && (type == null || !Topics.PRESENCE.equals(type.topic()))) {
			log.warn("skipped record {}-{}@{}: {} is not a chat.presence event", record.topic(), record.partition(),
					record.offset(), declared);
			return null;
		}
		try {
			return EnvelopeRecords.decode(record);
		}
		catch (ContractViolation ex) {
			log.warn("skipped undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return null;
		}
	}

}

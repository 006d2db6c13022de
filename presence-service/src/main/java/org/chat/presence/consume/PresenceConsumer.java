package org.chat.presence.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.json.ContractViolation;
import org.chat.presence.config.PresenceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Consumes chat.presence in batches, at-least-once: offsets are committed after the whole batch was applied;
 * a failure (Redis down) throws, and the container retries the batch, which is safe because every handler is
 * idempotent. One user's events are applied in record order; different users concurrently.
 */
@Component
public class PresenceConsumer {

	private static final Logger log = LoggerFactory.getLogger(PresenceConsumer.class);

	private static final int USERS_IN_FLIGHT = 64;

	private final EnvelopeDispatcher dispatcher;

	private final Duration timeout;

	public PresenceConsumer(EnvelopeDispatcher dispatcher, PresenceProperties properties) {
		this.dispatcher = dispatcher;
		this.timeout = properties.redisTimeout();
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

	private static Envelope decode(ConsumerRecord<String, byte[]> record) {
		try {
			if (record.value() == null) {
				throw new ContractViolation("null value");
			}
			return Envelope.fromBytes(record.value());
		}
		catch (ContractViolation ex) {
			log.warn("skipped undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return null;
		}
	}

}

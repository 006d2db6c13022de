package org.chat.presence.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.LastSeen;
import org.chat.testsupport.TestInfra;

/** Reads user.last_seen records the presence-service produced to chat.messages (from the current end on). */
public final class LastSeenRecords implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private LastSeenRecords() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.MESSAGES)
			.stream()
			.map(p -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
	}

	public static LastSeenRecords startAtEnd() {
		return new LastSeenRecords();
	}

	/** @return lastSeenAt of the first user.last_seen keyed by {@code userId} */
	public Instant awaitFor(String userId, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				Envelope envelope = Envelope.fromBytes(record.value());
				if (userId.equals(record.key()) && envelope.eventType() == EventType.LAST_SEEN) {
					return envelope.payloadAs(LastSeen.class).lastSeenAt();
				}
			}
		}
		throw new AssertionError("no user.last_seen for " + userId + " within " + atMost);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}

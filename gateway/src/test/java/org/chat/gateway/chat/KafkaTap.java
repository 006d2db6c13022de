package org.chat.gateway.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;

/** Reads both topics from their current end (no consumer group) so an IT sees exactly what it caused. */
final class KafkaTap implements AutoCloseable {

	record Received(String topic, String key, Envelope envelope) {
	}

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<Received> seen = new ArrayList<>();

	KafkaTap(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : List.of(Topics.MESSAGES, Topics.QUERIES, Topics.PRESENCE)) {
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
	}

	/** The first record (seen before or polled now) that matches, or an AssertionError after the timeout. */
	Received await(Predicate<Received> match, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int checked = 0;
		while (true) {
			for (; checked < this.seen.size(); checked++) {
				if (match.test(this.seen.get(checked))) {
					return this.seen.get(checked);
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no matching record within " + timeout + "; seen " + this.seen);
			}
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
				this.seen.add(new Received(record.topic(), record.key(), Envelope.fromBytes(record.value())));
			}
		}
	}

	List<Received> seen() {
		return this.seen;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}

package org.chat.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chat.contracts.Topics;
import org.chat.infra.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

	@TempDir
	Path dataDir;

	@Test
	void createsTopicsAndKeepsRecordsAcrossARestart() throws Exception {
		KafkaSettings settings = new KafkaSettings("127.0.0.1", FreePort.find(), FreePort.find(), dataDir, 4);
		String key = "alice:bob";
		String value = "hello " + UUID.randomUUID();

		try (KafkaBroker broker = KafkaBroker.start(settings)) {
			assertThat(partitionCounts(broker)).containsOnly(4);
			try (KafkaProducer<String, String> producer = producer(broker)) {
				producer.send(new ProducerRecord<>(Topics.MESSAGES, key, value)).get(10, TimeUnit.SECONDS);
			}
			assertThat(consumeAll(broker, "before-restart")).contains(key + "=" + value);
		}

		try (KafkaBroker restarted = KafkaBroker.start(settings)) {
			assertThat(consumeAll(restarted, "after-restart")).contains(key + "=" + value);
		}
	}

	private static List<Integer> partitionCounts(KafkaBroker broker) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			return admin.describeTopics(ChatTopics.NAMES)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.map(TopicDescription::partitions)
				.map(List::size)
				.toList();
		}
	}

	private static KafkaProducer<String, String> producer(KafkaBroker broker) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
	}

	/** Reads from the beginning until one record arrives or 20 s pass. */
	private static List<String> consumeAll(KafkaBroker broker, String group) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.MESSAGES));
			long deadline = System.currentTimeMillis() + 20_000;
			while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					seen.add(record.key() + "=" + record.value());
				}
			}
		}
		return seen;
	}

}

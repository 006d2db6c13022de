package org.chat.message.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chat.chassis.kafka.ConsumerProperties;
import org.chat.contracts.ConversationId;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.SendMessage;
import org.chat.message.MessageServiceApplication;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.BenchMain;
import org.chat.testsupport.TestInfra;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import reactor.core.publisher.Mono;

/**
 * A benchmark main, not a test: messages persisted per second by the real service against the Kafka, Redis and
 * Mongo of {@link TestInfra}. {@code bench.messages} sends over 200 users' conversations are queued in Kafka
 * while the listener is paused; then it resumes and the clock runs until all of them are stored (bulk inserts,
 * counters, routing lookups included). Fails if not every message is stored within 5 minutes. Run it as
 * docs/MESSAGE-SERVICE.md shows ({@code -Dbench=consume.KafkaPersistBench}).
 */
public final class KafkaPersistBench {

	private static final int TOTAL = Integer.getInteger("bench.messages", 20_000);

	private static final int USERS = 200;

	private static final Duration WAIT = Duration.ofSeconds(20);

	private KafkaPersistBench() {
	}

	public static void main(String[] args) {
		BenchMain.run(KafkaPersistBench::measure);
	}

	private static void measure() throws Exception {
		// command-line arguments win over application.yml, the builder's default properties would not
		List<String> arguments = new ArrayList<>(List.of("--chat.messages.partitions=3",
				"--chat.kafka.consumer.concurrency=1"));
		TestInfra.registerSpringProperties((name, value) -> arguments.add("--" + name + "=" + value.get()));
		ConfigurableApplicationContext service = new SpringApplicationBuilder(MessageServiceApplication.class)
			.web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
		try (KafkaProducer<String, byte[]> producer = producer()) {
			String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
			var listener = service.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(MessagesListener.ID);
			listener.pause();
			List<Future<RecordMetadata>> acks = new ArrayList<>(TOTAL);
			for (int i = 0; i < TOTAL; i++) {
				String from = run + "-u" + (i % USERS);
				String to = run + "-u" + ((i * 7 + 1) % USERS);
				Envelope send = Envelope.of(EventType.MESSAGE_SEND, run + "-e" + i, new SessionRef(from, "s", "gw-bench", 1),
						new SendMessage(run + "-m" + i, to, "benchmark message " + i, null, Instant.now()));
				acks.add(producer.send(new ProducerRecord<>(Topics.MESSAGES, ConversationId.of(from, to), send.toBytes())));
			}
			for (Future<RecordMetadata> ack : acks) {
				ack.get(60, TimeUnit.SECONDS);
			}

			ReactiveMongoTemplate mongo = service.getBean(ReactiveMongoTemplate.class);
			long start = System.nanoTime();
			listener.resume();
			long stored = 0;
			while (stored < TOTAL && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
				Thread.sleep(250);
				stored = count(mongo, run);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("[KafkaPersistBench] %d of %d messages persisted in %.2f s: %.0f messages/s (batches of "
					+ "up to %s)%n", stored, TOTAL, seconds, stored / seconds,
					service.getBean(ConsumerProperties.class).maxRecords());
			if (stored != TOTAL) {
				throw new IllegalStateException("stored " + stored + " of " + TOTAL);
			}
		}
		finally {
			service.close();
		}
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static long count(ReactiveMongoTemplate mongo, String run) {
		return mongo.getCollection(StoredMessage.COLLECTION)
			.flatMap(c -> Mono.from(c.countDocuments(Filters.regex(StoredMessage.ID, "^" + run + "-m"))))
			.block(WAIT);
	}

}

package org.chat.message.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.routing.SessionEntry;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service against the shared Kafka, Redis and Mongo of {@link TestInfra}. Gateways are played by
 * the test: it registers sessions in the presence keys and listens on the gateway channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.messages.partitions=3", "chat.messages.batch.concurrency=1" })
abstract class ServiceIT {

	static final Duration WAIT = Duration.ofSeconds(20);

	private static KafkaProducer<String, byte[]> producer;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	ReactiveRedisConnectionFactory redisConnections;

	@Autowired
	ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfra.registerSpringProperties(registry);
	}

	static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
					ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
					StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		}
		return producer;
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close(Duration.ofSeconds(5));
			producer = null;
		}
	}

	/** A fresh id, so tests sharing the one infrastructure never see each other's data. */
	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void produce(String key, Envelope envelope) throws Exception {
		produce(envelope.eventType().topic(), key, envelope.toBytes());
	}

	void produce(String key, byte[] value) throws Exception {
		produce(Topics.MESSAGES, key, value);
	}

	void produce(String topic, String key, byte[] value) throws Exception {
		producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
	}

	/** Registers a session of {@code user} on {@code gateway}, as the presence-service would. */
	void online(String user, String sessionId, String gateway) {
		this.redis.<String, String>opsForHash()
			.put(PresenceKeys.sessions(user), sessionId, new SessionEntry(gateway, 1, true, 0).toJson())
			.block(WAIT);
	}

	/** What arrives on a gateway's channel from now on. */
	Inbox listen(String gateway) {
		BlockingQueue<GatewayMessage> received = new LinkedBlockingQueue<>();
		var container = new ReactiveRedisMessageListenerContainer(this.redisConnections);
		Disposable subscription = container.receiveLater(ChannelTopic.of(Channels.gateway(gateway)))
			.block(WAIT)
			// one payload may be a batch (array): queue its messages in order
			.subscribe(m -> received.addAll(GatewayBatch.fromJson(m.getMessage(), bad -> {
				throw bad;
			})));
		return new Inbox(received, () -> {
			subscription.dispose();
			container.destroy();
		});
	}

	record Inbox(BlockingQueue<GatewayMessage> received, Runnable onClose) implements AutoCloseable {

		GatewayMessage next() throws InterruptedException {
			GatewayMessage message = this.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(message).as("a message within %s", WAIT).isNotNull();
			return message;
		}

		List<GatewayMessage> next(int n) throws InterruptedException {
			List<GatewayMessage> messages = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				messages.add(next());
			}
			return messages;
		}

		@Override
		public void close() {
			this.onClose.run();
		}

	}

}

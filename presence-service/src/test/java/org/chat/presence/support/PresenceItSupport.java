package org.chat.presence.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.Json;
import org.chat.contracts.routing.SessionEntry;
import org.chat.presence.PresenceServiceApplication;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The presence-service against the shared real Kafka and Redis (TestInfra), with short timings so the ITs
 * run fast. Every IT class shares one application context; tests use their own user and gateway ids.
 */
@SpringBootTest(classes = PresenceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.presence.partitions=3", "chat.presence.sweep.interval=500ms",
				"chat.presence.typing.timeout=1s", "chat.presence.typing.poll-interval=100ms",
				"chat.presence.user-list.window=250ms", "chat.presence.redis-check-interval=500ms",
				"chat.kafka.consumer.batch-timeout=30s", "logging.level.org.apache.kafka=WARN" })
public abstract class PresenceItSupport {

	protected static final Duration SWEEP_INTERVAL = Duration.ofMillis(500);

	protected static final Duration TYPING_TIMEOUT = Duration.ofSeconds(1);

	protected static final Duration USER_LIST_WINDOW = Duration.ofMillis(250);

	/** Generous: the CI machine is shared by several builds. */
	protected static final Duration WAIT = Duration.ofSeconds(60);

	protected static final Duration REDIS_TIMEOUT = Duration.ofSeconds(30);

	protected static FanoutRecorder fanout;

	private static KafkaProducer<String, byte[]> producer;

	@Autowired
	protected ReactiveStringRedisTemplate redis;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfra.registerSpringProperties(registry);
	}

	@BeforeAll
	static void clients() {
		TestInfra infra = TestInfra.get();
		fanout = new FanoutRecorder(infra.redisHost(), infra.redisPort());
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 2),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void closeClients() {
		fanout.close();
		producer.close(Duration.ofSeconds(10));
	}

	/** Ids unique to one test, safe as user ids and gateway ids. */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected static Envelope envelope(EventType type, String user, String session, String gateway, long epoch,
			Object payload) {
		return new Envelope(type.wireName(), UUID.randomUUID().toString(), user, session, gateway, epoch,
				Instant.now(), payload == null ? Json.MAPPER.createObjectNode() : Json.tree(payload));
	}

	protected static void produce(Envelope envelope) {
		produceRaw(envelope.userId(), envelope.toBytes());
	}

	protected static void produceRaw(String key, byte[] value) {
		try {
			producer.send(new ProducerRecord<>(Topics.PRESENCE, key, value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("produce failed", ex);
		}
	}

	protected static void produceAsync(Envelope envelope) {
		producer.send(new ProducerRecord<>(Topics.PRESENCE, envelope.userId(), envelope.toBytes()));
	}

	protected static void flushProducer() {
		producer.flush();
	}

	protected Set<String> members(String key) {
		return this.redis.opsForSet().members(key).collect(Collectors.toCollection(TreeSet::new)).block(REDIS_TIMEOUT);
	}

	protected boolean isOnline(String user) {
		return Boolean.TRUE.equals(this.redis.opsForSet().isMember(PresenceKeys.ONLINE, user).block(REDIS_TIMEOUT));
	}

	protected Map<String, SessionEntry> sessions(String user) {
		return this.redis.<String, String>opsForHash()
			.entries(PresenceKeys.sessions(user))
			.collectMap(Map.Entry::getKey, e -> SessionEntry.fromJson(e.getValue()))
			.block(REDIS_TIMEOUT);
	}

	protected String profileField(String user, String field) {
		return this.redis.<String, String>opsForHash().get(PresenceKeys.profile(user), field).block(REDIS_TIMEOUT);
	}

	/** Marks a gateway alive for {@code ttl}, as the gateway's liveness refresher does. */
	protected void gatewayAlive(String gateway, Duration ttl) {
		this.redis.opsForValue().set(PresenceKeys.gatewayAlive(gateway), "1", ttl).block(REDIS_TIMEOUT);
	}

}

package org.chat.notification.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chat.contracts.ConversationId;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.RegisterPushToken;
import org.chat.contracts.events.SendMessage;
import org.chat.notification.NotificationServiceApplication;
import org.chat.notification.decide.MessageLogConsumer;
import org.chat.notification.fixture.FakePushServices;
import org.chat.notification.fixture.FakePushServices.Request;
import org.chat.notification.fixture.WebPushKeys;
import org.chat.contracts.push.PushCollections;
import com.mongodb.client.model.Filters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.chat.testsupport.TestInfra;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Push latency at N offline recipients: N users each with a Web Push subscription, then one message to each,
 * produced to chat.messages as fast as the producer takes them. Latency = the push service receiving the
 * encrypted, VAPID-signed request minus the message's {@code createdAt} (stamped just before its record is
 * produced, i.e. when the message becomes durable and the store takes it). Real Kafka, Redis and Mongo store
 * of {@code TestInfra}; a local push service; one JVM, one clock.
 *
 * <pre>
 * ./mvnw -o -q -pl contracts,local-infra,test-support,notification-service test-compile \
 *   dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -Xmx1g -cp notification-service/target/test-classes:notification-service/target/classes:$(cat notification-service/target/test.classpath) \
 *   -Dbench.recipients=1000 -Dbench.runs=2 org.chat.notification.bench.PushLatencyBench
 * </pre>
 */
public final class PushLatencyBench {

	private PushLatencyBench() {
	}

	public static void main(String[] args) throws Exception {
		int recipients = Integer.getInteger("bench.recipients", 1000);
		int runs = Integer.getInteger("bench.runs", 3);
		TestInfra infra = TestInfra.get();
		KeyPair vapid = WebPushKeys.p256();
		try (FakePushServices services = new FakePushServices()) {
			ConfigurableApplicationContext app = SpringApplication.run(NotificationServiceApplication.class,
					"--server.port=0", "--management.server.port=0", "--spring.main.web-application-type=none",
					"--logging.level.root=WARN", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
					"--spring.data.redis.host=" + infra.redisHost(), "--spring.data.redis.port=" + infra.redisPort(),
					"--spring.mongodb.uri=" + infra.mongoUri(), "--chat.push.partitions=3",
					"--chat.push.per-user-per-minute=1000",
					"--chat.push.webpush.public-key="
							+ WebPushKeys.base64Url(WebPushKeys.uncompressed((ECPublicKey) vapid.getPublic())),
					"--chat.push.webpush.private-key=" + WebPushKeys.privateBase64Url((ECPrivateKey) vapid.getPrivate()),
					"--chat.push.webpush.allow-http-endpoints=true");
			try {
				@SuppressWarnings("unchecked")
				KafkaTemplate<String, byte[]> kafka = app.getBean(KafkaTemplate.class);
				MongoTemplate mongo = app.getBean(MongoTemplate.class);
				MessageLogConsumer log = app.getBean(MessageLogConsumer.class);
				waitUntil(log::isAssigned, 60);
				System.out.printf("push latency bench: %d offline recipients, Web Push, %d runs, %d cores, infra %s%n",
						recipients, runs, Runtime.getRuntime().availableProcessors(), infra.mode());
				for (int run = 1; run <= runs; run++) {
					run(run, recipients, kafka, mongo, services);
				}
			}
			finally {
				app.close();
			}
		}
		System.exit(0);
	}

	private static void run(int run, int recipients, KafkaTemplate<String, byte[]> kafka, MongoTemplate mongo,
			FakePushServices services) throws Exception {
		String prefix = "bench" + run + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		KeyPair device = WebPushKeys.p256();
		String p256dh = WebPushKeys.base64Url(WebPushKeys.uncompressed((ECPublicKey) device.getPublic()));
		String auth = WebPushKeys.base64Url(WebPushKeys.authSecret());
		List<CompletableFuture<?>> acks = new ArrayList<>();
		for (int i = 0; i < recipients; i++) {
			String user = prefix + i;
			acks.add(produce(kafka, user, EventType.PUSH_TOKEN_REGISTER, user, new RegisterPushToken("browser",
					"webpush", null, new RegisterPushToken.WebPushSubscription(services.baseUrl() + "/wp/" + user,
							p256dh, auth))));
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
		// every recipient has its device before the first send (else it would be skipped as no_device)
		waitUntil(() -> mongo.getCollection(PushCollections.PUSH_USERS)
			.countDocuments(Filters.regex("_id", "^" + prefix)) == recipients, 300);

		Map<String, Instant> created = new java.util.concurrent.ConcurrentHashMap<>();
		long began = System.nanoTime();
		acks.clear();
		for (int i = 0; i < recipients; i++) {
			String user = prefix + i;
			Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			String messageId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
			created.put("/wp/" + user, createdAt);
			acks.add(produce(kafka, ConversationId.of("sender", user), EventType.MESSAGE_SEND, "sender",
					new SendMessage(messageId, user, "message " + i, null, createdAt)));
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
		long produced = System.nanoTime();
		waitUntil(() -> services.requests("/wp/" + prefix).size() >= recipients, 300);
		long done = System.nanoTime();

		Histogram latency = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
		for (Request request : services.requests("/wp/" + prefix)) {
			latency.recordValue(Math.max(0, request.receivedAt().toEpochMilli() - created.get(request.path()).toEpochMilli()));
		}
		System.out.printf(
				"run %d: %d pushes; produced in %d ms, all at the push service %d ms after the first send (%.0f pushes/s);"
						+ " latency store→provider ms: p50 %d, p90 %d, p99 %d, max %d%n",
				run, latency.getTotalCount(), TimeUnit.NANOSECONDS.toMillis(produced - began),
				TimeUnit.NANOSECONDS.toMillis(done - began),
				recipients / ((done - began) / 1e9), latency.getValueAtPercentile(50), latency.getValueAtPercentile(90),
				latency.getValueAtPercentile(99), latency.getMaxValue());
	}

	private static CompletableFuture<?> produce(KafkaTemplate<String, byte[]> kafka, String key, EventType type,
			String user, Object payload) {
		Envelope envelope = Envelope.of(type, UUID.randomUUID().toString(), new SessionRef(user, "s", "gw", 1), payload);
		return kafka.send(new ProducerRecord<>(type.topic(), key, envelope.toBytes()));
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not reached within " + seconds + " s");
			}
			Thread.sleep(20);
		}
	}

}

package org.chat.chassis.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every backing-system check reports DOWN within the one health timeout when the system accepts the connection
 * and never answers, the case the clients' own timeouts (Lettuce 60 s, Mongo server selection 30 s, Kafka admin
 * 60 s) would leave hanging.
 */
class HealthTimeoutTest {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	/** Far below every client's own timeout, far above the health timeout. */
	private static final Duration BOUND = Duration.ofSeconds(5);

	private static ServerSocket silent;

	private static final List<Socket> held = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void silentServer() throws IOException {
		silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!silent.isClosed()) {
				try {
					held.add(silent.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterAll
	static void close() throws IOException {
		silent.close();
		for (Socket socket : held) {
			socket.close();
		}
	}

	@Test
	void redisThatNeverAnswersIsDownWithinTheTimeout() {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", silent.getLocalPort()));
		connections.afterPropertiesSet();
		connections.start();
		try {
			assertDownByTimeout(new RedisHealthIndicator(connections, TIMEOUT));
		}
		finally {
			connections.destroy();
		}
	}

	@Test
	void mongoThatNeverAnswersIsDownWithinTheTimeout() {
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + silent.getLocalPort() + "/chat")) {
			assertDownByTimeout(new MongoHealthConfiguration()
				.mongoHealthIndicator(new ReactiveMongoTemplate(client, "chat"), new HealthProperties(TIMEOUT)));
		}
	}

	@Test
	void mongoOnTheBlockingDriverThatNeverAnswersIsDownWithinTheTimeout() {
		try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients
			.create("mongodb://127.0.0.1:" + silent.getLocalPort() + "/chat")) {
			assertDownByTimeout(new BlockingMongoHealthConfiguration()
				.mongoHealthIndicator(new MongoTemplate(client, "chat"), new HealthProperties(TIMEOUT)));
		}
	}

	@Test
	void kafkaThatNeverAnswersIsDownWithinTheTimeout() {
		KafkaHealthIndicator kafka = new KafkaHealthIndicator(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + silent.getLocalPort()), null, TIMEOUT);
		try {
			StepVerifier.create(kafka.health())
				.assertNext(health -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
				.expectComplete()
				.verify(BOUND);
		}
		finally {
			kafka.destroy();
		}
	}

	private static void assertDownByTimeout(ReactiveHealthIndicator indicator) {
		StepVerifier.create(indicator.health()).assertNext(health -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(error(health)).contains("TimeoutException").contains(TIMEOUT.toMillis() + "ms");
		}).expectComplete().verify(BOUND);
	}

	private static String error(Health health) {
		return String.valueOf(health.getDetails().get("error"));
	}

}

package org.chat.gateway.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.gateway.GatewayApplication;
import org.chat.testsupport.TestInfra;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing the context (what SIGTERM does): every session.closed is produced and the liveness key is gone. */
class GracefulShutdownIT {

	private static final String GATEWAY = "gw-it-shutdown";

	@Test
	void shutdownProducesSessionClosedAndDeletesTheLivenessKey() throws Exception {
		TestInfra infra = TestInfra.get();
		// command-line arguments: they win over application.yml (builder properties are only defaults)
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--chat.dev.enabled=true", "--chat.gateway.id=" + GATEWAY,
				"--chat.gateway.redis-timeout=10s", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
				"--spring.data.redis.host=" + infra.redisHost(), "--spring.data.redis.port=" + infra.redisPort());
		ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Socket socket = null;
		try (KafkaConsumer<String, byte[]> presence = presenceTail(infra.kafkaBootstrapServers())) {
			String token = new JSONObject(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"ivy\"}"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body()).getString("token");
			CompletableFuture<String> connected = new CompletableFuture<>();
			socket = IO.socket(URI.create("http://127.0.0.1:" + port), IO.Options.builder()
				.setTransports(new String[] { WebSocket.NAME })
				.setReconnection(false)
				.setAuth(Map.of("token", token))
				.build());
			Socket client = socket;
			socket.on(Socket.EVENT_CONNECT, args -> connected.complete(client.id()));
			socket.on(Socket.EVENT_CONNECT_ERROR,
					args -> connected.completeExceptionally(new AssertionError("connect_error " + args[0])));
			socket.connect();
			String sid = connected.get(30, TimeUnit.SECONDS);
			assertThat(redis.hasKey(PresenceKeys.gatewayAlive(GATEWAY)).block(Duration.ofSeconds(5))).isTrue();

			long start = System.nanoTime();
			context.close();
			long closeMillis = (System.nanoTime() - start) / 1_000_000;

			// the transport close itself is the engine's shutdown (web package); this test covers the chat part
			Envelope closed = awaitClosed(presence, sid);
			assertThat(closed.payload().get("reason").stringValue()).isEqualTo("server shutting down");
			System.out.printf("[GracefulShutdownIT] context closed in %d ms%n", closeMillis);
		}
		finally {
			if (socket != null) {
				socket.close();
			}
			context.close();
		}
		ReactiveStringRedisTemplate probe = new ReactiveStringRedisTemplate(
				new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory(infra.redisHost(),
						infra.redisPort()) {
					{
						afterPropertiesSet();
						start();
					}
				});
		assertThat(probe.hasKey(PresenceKeys.gatewayAlive(GATEWAY)).block(Duration.ofSeconds(5))).isFalse();
	}

	private static KafkaConsumer<String, byte[]> presenceTail(String bootstrap) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRESENCE, Duration.ofSeconds(30))
			.stream()
			.map(info -> new TopicPartition(Topics.PRESENCE, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	private static Envelope awaitClosed(KafkaConsumer<String, byte[]> consumer, String sessionId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				Envelope envelope = Envelope.fromBytes(record.value());
				if (envelope.eventType() == EventType.SESSION_CLOSED && sessionId.equals(envelope.sessionId())) {
					return envelope;
				}
			}
		}
		throw new AssertionError("no session.closed for " + sessionId);
	}

}

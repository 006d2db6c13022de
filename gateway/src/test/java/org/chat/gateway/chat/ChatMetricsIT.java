package org.chat.gateway.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.Channels;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.gateway.GatewayApplication;
import org.chat.gateway.fanout.FanoutSubscriber;
import org.chat.testsupport.TestInfra;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} of a chat gateway against real Kafka and Redis carries the gateway meters after
 * real traffic; readiness is wired to Redis and Kafka; actuator answers on the management port only. Same properties as {@link ChatGatewayIT}: one cached context.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.dev.enabled=true", "chat.gateway.redis-timeout=10s", "chat.gateway.id=" + ChatGatewayIT.GATEWAY,
				"chat.limits.rate.events-per-second=100000", "chat.limits.rate.burst=100000" })
class ChatMetricsIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	FanoutSubscriber fanout;

	@Autowired
	HealthEndpointGroups health;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfra.registerSpringProperties(registry);
	}

	@Test
	void scrapeHasTheGatewayMetersAfterRealTraffic() throws Exception {
		this.fanout.subscribed().block(WAIT);
		String ivy = "ivy-" + UUID.randomUUID().toString().substring(0, 8);
		try (TestClient client = new TestClient(this.port, devToken(ivy), ClientEvents.RECEIVE_PRIVATE_MESSAGE,
				ClientEvents.CHAT_ERROR)) {
			client.awaitConnected();
			JSONObject sent = client
				.emitWithAck(ClientEvents.SEND_PRIVATE_MESSAGE, new JSONObject().put("toUserId", "bob").put("text", "hi"))
				.get(30, TimeUnit.SECONDS);
			assertThat(sent.getBoolean("ok")).isTrue();
			client.socket.emit("no_such_event", new JSONObject());
			assertThat(client.nextEvent(WAIT).name()).isEqualTo(ClientEvents.CHAT_ERROR);
			MessageView view = MessageView.of("65a1b2c3d4e5f60718293a4c", "hi ivy", "bob", ivy, false,
					Instant.now().minusMillis(20), null);
			this.redis.convertAndSend(Channels.gateway(ChatGatewayIT.GATEWAY),
					GatewayMessage.toUsers(List.of(ivy), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view).toJson()).block(WAIT);
			assertThat(client.nextEvent(WAIT).name()).isEqualTo(ClientEvents.RECEIVE_PRIVATE_MESSAGE);

			String scrape = get("/actuator/prometheus");

			assertThat(value(scrape, "chat_gateway_connections")).isGreaterThanOrEqualTo(1);
			assertThat(value(scrape, "chat_gateway_events_in_total{event=\"send_private_message\"}")).isPositive();
			assertThat(value(scrape, "chat_gateway_events_in_total{event=\"unknown\"}")).isPositive();
			assertThat(value(scrape, "chat_gateway_events_out_total{event=\"receive_private_message\"}")).isPositive();
			assertThat(value(scrape, "chat_gateway_errors_total{code=\"unknown_event\"}")).isPositive();
			assertThat(value(scrape, "chat_kafka_produce_seconds_count{result=\"ok\",topic=\"chat.messages\"}"))
				.isPositive();
			assertThat(value(scrape, "chat_delivery_latency_seconds_count")).isPositive();
			assertThat(value(scrape, "chat_gateway_connect_latency_seconds_count{result=\"ok\"}")).isPositive();
			assertThat(scrape).contains("chat_delivery_latency_seconds_bucket{le=", "chat_kafka_produce_seconds_bucket{",
					"chat_gateway_shed_total{reason=\"droppable\"}", "chat_gateway_shed_total{reason=\"overflow\"}");
		}
	}

	@Test
	void readinessIsTheStateAndRedisAndKafka() throws Exception {
		HealthEndpointGroup readiness = this.health.get("readiness");
		assertThat(List.of("readinessState", "redis", "kafka")).allMatch(readiness::isMember);
		assertThat(readiness.isMember("livenessState")).isFalse();
		assertThat(get("/actuator/health/readiness")).contains("\"UP\"");
	}

	@Test
	void actuatorIsOnTheManagementPortAndNotOnTheClientPort() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/readiness",
				"/actuator/health/liveness", "/actuator/prometheus", "/actuator/info" }) {
			assertThat(status(this.port, path)).as("client port %s", path).isEqualTo(404);
		}
		assertThat(get("/actuator/health/liveness")).contains("\"UP\"");
		assertThat(get("/actuator/prometheus")).contains("chat_gateway_connections");
	}

	/** GET on the management port, expecting 200. */
	private String get(String path) throws Exception {
		HttpResponse<String> response = send(this.managementPort, path);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int status(int port, String path) throws Exception {
		return send(port, path).statusCode();
	}

	private static HttpResponse<String> send(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	/** The sum of the series that start with {@code series} (a name, or a name and its first labels); 0 if none. */
	private static double value(String scrape, String series) {
		String prefix = series.endsWith("}") ? series.substring(0, series.length() - 1) : series;
		return scrape.lines()
			.filter(line -> line.startsWith(prefix + " ") || line.startsWith(prefix + "{") || line.startsWith(prefix + ",")
					|| line.startsWith(prefix + "}"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private String devToken(String userId) throws Exception {
		return DevTokens.issue(this.port, userId, null);
	}

}

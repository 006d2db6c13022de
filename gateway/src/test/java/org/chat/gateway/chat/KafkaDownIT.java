package org.chat.gateway.chat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.chat.gateway.GatewayApplication;
import org.chat.testsupport.TestInfra;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka unreachable (Redis fine): the gateway answers fast and never hangs. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.dev.enabled=true", "chat.gateway.redis-timeout=10s", "chat.gateway.id=gw-it-kafka-down" })
class KafkaDownIT {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) throws Exception {
		TestInfra.registerSpringProperties(registry);
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + deadPort);
	}

	@Test
	void aNewSessionThatCannotBeAnnouncedIsDisconnectedWithinSeconds() throws Exception {
		String token = new JSONObject(post("/dev/token", "{\"userId\":\"henry\"}").body()).getString("token");
		try (TestClient client = new TestClient(this.port, token)) {
			client.awaitConnected();
			long start = System.nanoTime();
			String reason = client.disconnected.get(30, TimeUnit.SECONDS);
			long millis = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("[KafkaDownIT] session.opened refused, socket disconnected after %d ms%n", millis);
			assertThat(reason).isEqualTo("io server disconnect");
			assertThat(millis).isLessThan(8_000);
		}
	}

	@Test
	void readinessIsDownAndLivenessUp() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long start = System.nanoTime();
		HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(management("/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(millis).isLessThan(Duration.ofSeconds(8).toMillis());
		assertThat(http.send(HttpRequest.newBuilder(management("/actuator/health/liveness")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private URI management(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

}

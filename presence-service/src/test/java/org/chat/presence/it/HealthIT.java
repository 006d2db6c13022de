package org.chat.presence.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.chat.contracts.json.Json;
import org.chat.presence.support.PresenceItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness needs Redis and Kafka; liveness is the application alone. */
class HealthIT extends PresenceItSupport {

	@LocalManagementPort
	private int port;

	@Test
	void readinessIncludesRedisAndKafka() throws Exception {
		JsonNode readiness = get("/actuator/health/readiness");
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "redis",
				"kafka");
		assertThat(readiness.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
		assertThat(readiness.at("/components/kafka/details/listeners/presence-consumer").asBoolean()).isTrue();
	}

	@Test
	void livenessIsTheApplicationOnly() throws Exception {
		JsonNode liveness = get("/actuator/health/liveness");
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return Json.read(response.body(), JsonNode.class);
	}

}

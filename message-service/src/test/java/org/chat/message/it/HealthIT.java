package org.chat.message.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIT extends ServiceIT {

	@LocalManagementPort
	int port;

	@Test
	void readinessCoversMongoRedisAndKafkaAndLivenessOnlyTheApp() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		JsonNode readiness = client.get().uri("/actuator/health/readiness").retrieve().bodyToMono(JsonNode.class).block(WAIT);
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("kafka", "mongo",
				"readinessState", "redis");
		JsonNode liveness = client.get().uri("/actuator/health/liveness").retrieve().bodyToMono(JsonNode.class).block(WAIT);
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

}

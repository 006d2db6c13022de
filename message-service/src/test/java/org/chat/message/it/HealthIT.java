package org.chat.message.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIT extends ServiceIT {

	@LocalManagementPort
	int port;

	@Test
	void readinessCoversMongoRedisAndKafkaAndLivenessOnlyTheApp() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		// readiness is asked again at every probe; the first may come before the Redis connection (opened on first
		// use) is up on a loaded machine
		JsonNode readiness = client.get()
			.uri("/actuator/health/readiness")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.retryWhen(Retry.fixedDelay(60, Duration.ofMillis(500)))
			.block(Duration.ofSeconds(40));
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("kafka", "mongo",
				"readinessState", "redis");
		assertThat(readiness.at("/components/kafka/details/listeners/message-service").asBoolean()).isTrue();
		JsonNode liveness = client.get().uri("/actuator/health/liveness").retrieve().bodyToMono(JsonNode.class).block(WAIT);
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

}

package org.chat.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chat.gateway.kafka.KafkaHealthIndicator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Readiness of a chat gateway = the application's readiness state AND Redis AND Kafka (a gateway that cannot
 * reach them would only answer {@code unavailable}). The readiness probe group ({@code application.yml})
 * includes {@code readinessState}; in chat mode that contributor is replaced by this composite (Boot backs off
 * by bean name), so conformance mode, which has no Redis or Kafka, keeps the plain state. Liveness stays the
 * application's own state: a Kafka outage must not get gateways restarted.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
class ReadinessConfiguration {

	@Bean
	CompositeReactiveHealthContributor readinessStateHealthIndicator(ApplicationAvailability availability,
			@Qualifier("redisHealthContributor") ReactiveHealthContributor redis, KafkaHealthIndicator kafka) {
		Map<String, ReactiveHealthContributor> members = new LinkedHashMap<>();
		members.put("state", ReactiveHealthContributor.adapt(new ReadinessStateHealthIndicator(availability)));
		members.put("redis", redis);
		members.put("kafka", kafka);
		return CompositeReactiveHealthContributor.fromMap(members);
	}

}

package org.chat.gateway.health;

import org.chat.chassis.health.KafkaHealthConfiguration;
import org.chat.chassis.health.RedisHealthConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The {@code redis} and {@code kafka} contributors of the readiness group ({@code application.yml}): a gateway
 * that cannot reach them would only answer {@code unavailable}. Conformance mode has neither, and its profile
 * narrows the group to the readiness state. Liveness stays the application's own state: a Kafka outage must not
 * get gateways restarted.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@Import({ RedisHealthConfiguration.class, KafkaHealthConfiguration.class })
class HealthConfiguration {

}

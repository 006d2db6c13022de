package org.chat.chassis.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health contributor, part of every service's readiness group. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class KafkaHealthConfiguration {

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
			HealthProperties health) {
		return new KafkaHealthIndicator(admin.getConfigurationProperties(), listeners.getIfAvailable(),
				health.timeout());
	}

}

package org.chat.presence.config;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.chat.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** chat.presence is created if missing; a batch that fails (Redis down) is retried, never skipped. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

	private static final long RETRY_INTERVAL_MS = 1000;

	@Bean
	NewTopic presenceTopic(PresenceProperties properties) {
		return TopicBuilder.name(Topics.PRESENCE)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	@Bean
	CommonErrorHandler presenceErrorHandler() {
		return new DefaultErrorHandler(new FixedBackOff(RETRY_INTERVAL_MS, FixedBackOff.UNLIMITED_ATTEMPTS));
	}

	@Bean(destroyMethod = "close")
	AdminClient healthAdminClient(KafkaAdmin admin) {
		return AdminClient.create(admin.getConfigurationProperties());
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(AdminClient healthAdminClient) {
		return new KafkaHealthIndicator(healthAdminClient);
	}

}

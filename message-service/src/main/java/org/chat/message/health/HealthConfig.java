package org.chat.message.health;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.chat.message.config.MessagesProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
public class HealthConfig {

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry registry) {
		return new KafkaHealthIndicator(Admin.create(kafkaAdmin.getConfigurationProperties()), registry,
				Duration.ofSeconds(2));
	}

	/** Named so that it takes the place of Boot's {@code mongo} indicator. */
	@Bean
	MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo, Duration.ofSeconds(2));
	}

	@Bean
	ReadyLog readyLog(MessagesProperties properties) {
		return new ReadyLog(properties);
	}

}

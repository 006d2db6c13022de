package org.chat.chassis.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The {@code mongo} health contributor; the bean name makes Boot's own indicator back off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class MongoHealthConfiguration {

	@Bean
	MongoHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo, HealthProperties health) {
		return new MongoHealthIndicator(mongo, health.timeout());
	}

}

package org.chat.chassis.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The {@code mongo} health contributor on the reactive driver; the bean name makes Boot's own indicator back off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class MongoHealthConfiguration {

	@Bean
	MongoHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo, HealthProperties health) {
		return new MongoHealthIndicator(mongo.getMongoDatabase()
			.flatMap(db -> Mono.from(db.runCommand(MongoHealthIndicator.PING)).thenReturn(db.getName())),
				health.timeout());
	}

}

package org.chat.notification.health;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.chat.notification.decide.MessageLogConsumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness: the store answers {@code ping} (Boot's Mongo indicator sends {@code hello}, which the embedded
 * store does not know) and the decider has its chat.messages partitions.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfig {

	/** Named so that it takes the place of Boot's {@code mongo} indicator. */
	@Bean
	HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return () -> {
			mongo.getDb().runCommand(new Document("ping", 1).append("maxTimeMS", TimeUnit.SECONDS.toMillis(2)));
			return Health.up().withDetail("database", mongo.getDb().getName()).build();
		};
	}

	@Bean
	HealthIndicator messageLogHealthIndicator(MessageLogConsumer consumer) {
		return () -> consumer.isAssigned() ? Health.up().build()
				: Health.outOfService().withDetail("reason", "no chat.messages partitions assigned yet").build();
	}

}

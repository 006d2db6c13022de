package org.chat.chassis.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code mongo} health contributor on the blocking driver (the notification-service, a Spring MVC app): the
 * same indicator and timeout as {@link MongoHealthConfiguration}. The ping runs on a worker thread, so a store that
 * never answers holds that thread but not the probe, which reports DOWN at the timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class BlockingMongoHealthConfiguration {

	@Bean
	MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo, HealthProperties health) {
		return new MongoHealthIndicator(Mono.fromCallable(() -> {
			mongo.getDb().runCommand(MongoHealthIndicator.PING);
			return mongo.getDb().getName();
		}).subscribeOn(Schedulers.boundedElastic()), health.timeout());
	}

}

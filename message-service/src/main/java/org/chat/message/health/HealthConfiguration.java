package org.chat.message.health;

import org.chat.chassis.health.KafkaHealthConfiguration;
import org.chat.chassis.health.MongoHealthConfiguration;
import org.chat.chassis.health.RedisHealthConfiguration;
import org.chat.chassis.kafka.ConsumerProperties;
import org.chat.contracts.Topics;
import org.chat.chassis.ready.ReadyLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The readiness group's contributors ({@code application.yml}) and the ready line. */
@Configuration(proxyBeanMethods = false)
@Import({ MongoHealthConfiguration.class, RedisHealthConfiguration.class, KafkaHealthConfiguration.class })
public class HealthConfiguration {

	@Bean
	ReadyLog readyLog(ConsumerProperties consumer) {
		return new ReadyLog("consuming " + Topics.MESSAGES + " as group " + Topics.MESSAGE_SERVICE_GROUP + " ("
				+ consumer.concurrency() + " consumer threads, batches of up to " + consumer.maxRecords() + ")");
	}

}

package org.chat.notification.health;

import java.util.List;

import org.chat.chassis.health.BlockingMongoHealthConfiguration;
import org.chat.chassis.health.KafkaHealthConfiguration;
import org.chat.chassis.health.RedisHealthConfiguration;
import org.chat.chassis.ready.ReadyLog;
import org.chat.contracts.Topics;
import org.chat.notification.config.PushProperties;
import org.chat.notification.decide.MessageLogConsumer;
import org.chat.notification.provider.PushSender;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The readiness group's contributors ({@code application.yml}) and the ready line. Besides the chassis' checks,
 * {@code messageLog}: the decider's chat.messages consumer is a plain consumer, not a listener container, so the
 * {@code kafka} check does not see it.
 */
@Configuration(proxyBeanMethods = false)
@Import({ BlockingMongoHealthConfiguration.class, RedisHealthConfiguration.class, KafkaHealthConfiguration.class })
public class HealthConfiguration {

	@Bean
	HealthIndicator messageLogHealthIndicator(MessageLogConsumer consumer) {
		return () -> consumer.isAssigned() ? Health.up().build()
				: Health.outOfService().withDetail("reason", "no chat.messages partitions assigned yet").build();
	}

	@Bean
	ReadyLog readyLog(PushProperties properties, List<PushSender> pushSenders) {
		return new ReadyLog("deciding pushes from " + Topics.MESSAGES + " as group " + Topics.NOTIFICATION_SERVICE_GROUP
				+ " (grace " + properties.grace() + "), sending " + Topics.PUSH_JOBS + " ("
				+ properties.senderConcurrency() + " sender threads); platforms: "
				+ pushSenders.stream().map(sender -> sender.platform().wireName()).toList());
	}

}

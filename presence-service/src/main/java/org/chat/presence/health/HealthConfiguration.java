package org.chat.presence.health;

import org.chat.chassis.health.KafkaHealthConfiguration;
import org.chat.chassis.health.RedisHealthConfiguration;
import org.chat.chassis.kafka.ConsumerProperties;
import org.chat.chassis.ready.ReadyLog;
import org.chat.contracts.Topics;
import org.chat.presence.config.PresenceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The readiness group's contributors ({@code application.yml}) and the ready line. */
@Configuration(proxyBeanMethods = false)
@Import({ RedisHealthConfiguration.class, KafkaHealthConfiguration.class })
public class HealthConfiguration {

	@Bean
	ReadyLog readyLog(ConsumerProperties consumer, PresenceProperties p) {
		return new ReadyLog("consuming " + Topics.PRESENCE + " as group " + Topics.PRESENCE_SERVICE_GROUP + " ("
				+ consumer.concurrency() + " consumer threads, batches of up to " + consumer.maxRecords() + "); sweep "
				+ p.sweep().interval() + ", user-list window " + p.userList().window() + " cap " + p.userList().cap()
				+ ", typing timeout " + p.typing().timeout());
	}

}

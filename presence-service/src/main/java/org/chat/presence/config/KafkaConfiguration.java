package org.chat.presence.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.chat.chassis.kafka.KafkaConsumerConfiguration;
import org.chat.chassis.kafka.KafkaProducerConfiguration;
import org.chat.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

/** The chat.presence topic (created if missing) and the shared batch consumer ({@code chat.kafka.consumer.*}). */
@Configuration(proxyBeanMethods = false)
@Import({ KafkaConsumerConfiguration.class, KafkaProducerConfiguration.class })
public class KafkaConfiguration {

	@Bean
	NewTopic presenceTopic(PresenceProperties properties) {
		return TopicBuilder.name(Topics.PRESENCE)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

}

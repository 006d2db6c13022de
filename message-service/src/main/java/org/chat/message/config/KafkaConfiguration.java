package org.chat.message.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.chat.chassis.kafka.KafkaConsumerConfiguration;
import org.chat.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The chat.messages and chat.queries topics (created if missing) and the shared batch consumer ({@code chat.kafka.consumer.*});
 * the {@link org.chat.message.order.ClockSeeder} bean is its rebalance listener.
 */
@Configuration(proxyBeanMethods = false)
@Import(KafkaConsumerConfiguration.class)
public class KafkaConfiguration {

	@Bean
	NewTopic messagesTopic(MessagesProperties properties) {
		return TopicBuilder.name(Topics.MESSAGES)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	@Bean
	NewTopic queriesTopic(MessagesProperties properties) {
		return TopicBuilder.name(Topics.QUERIES)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

}

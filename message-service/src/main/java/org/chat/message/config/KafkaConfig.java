package org.chat.message.config;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chat.contracts.Topics;
import org.chat.message.order.ClockSeeder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** The chat.messages topic (created if missing) and the batch listener container. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

	@Bean
	NewTopic messagesTopic(MessagesProperties properties) {
		return TopicBuilder.name(Topics.MESSAGES).partitions(properties.partitions()).replicas(properties.replicas())
			.build();
	}

	@Bean
	NewTopic queriesTopic(MessagesProperties properties) {
		return TopicBuilder.name(Topics.QUERIES).partitions(properties.partitions()).replicas(properties.replicas())
			.build();
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> messagesContainerFactory(KafkaProperties kafka,
			MessagesProperties properties, ClockSeeder seeder, MeterRegistry meters) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batch().maxRecords());
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
		var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(config);
		// the client's own metrics (records-lag-max, fetch rates) on /actuator/prometheus; Boot adds this
		// listener only to the consumer factory it builds itself
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		factory.setConsumerFactory(consumers);
		factory.setBatchListener(true);
		factory.setConcurrency(properties.batch().concurrency());
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		factory.getContainerProperties().setConsumerRebalanceListener(seeder);
		// a failing batch (store down) is retried in place until it succeeds: nothing is skipped
		factory.setCommonErrorHandler(new DefaultErrorHandler(
				new FixedBackOff(properties.batch().retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
		return factory;
	}

}

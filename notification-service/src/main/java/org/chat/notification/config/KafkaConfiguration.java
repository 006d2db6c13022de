package org.chat.notification.config;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chat.contracts.Topics;
import org.chat.notification.job.ProviderBackOff;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The push topics (created if missing), the chat.messages consumer of the decider and the two listeners. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

	/** Records per poll of the job listener = pushes in flight at once per listener thread. */
	private static final int JOBS_PER_POLL = 200;

	@Bean
	NewTopic pushSettingsTopic(PushProperties properties) {
		return TopicBuilder.name(Topics.PUSH_SETTINGS).partitions(properties.partitions())
			.replicas(properties.replicas()).build();
	}

	@Bean
	NewTopic pushJobsTopic(PushProperties properties) {
		return TopicBuilder.name(Topics.PUSH_JOBS).partitions(properties.partitions())
			.replicas(properties.replicas()).build();
	}

	/**
	 * chat.messages from "now" when the group is new: a freshly deployed service must not push the history.
	 * After that, from the committed offsets (the oldest undecided send).
	 */
	@Bean
	ConsumerFactory<String, byte[]> messageLogConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
		Map<String, Object> config = consumerConfig(kafka);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		return consumers(config, meters);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> settingsContainerFactory(KafkaProperties kafka,
			MeterRegistry meters) {
		var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
		factory.setConsumerFactory(consumers(consumerConfig(kafka), meters));
		factory.getContainerProperties().setAckMode(AckMode.RECORD);
		// a store that is down: the record is retried until it is back, nothing is skipped
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
		return factory;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> pushJobsContainerFactory(KafkaProperties kafka,
			PushProperties properties, MeterRegistry meters) {
		Map<String, Object> config = consumerConfig(kafka);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, JOBS_PER_POLL);
		var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
		factory.setConsumerFactory(consumers(config, meters));
		factory.setBatchListener(true);
		factory.setConcurrency(properties.senderConcurrency());
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		BackOff backOff = new ProviderBackOff(properties.retry().initial(), properties.retry().max());
		factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return factory;
	}

	private static Map<String, Object> consumerConfig(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return config;
	}

	private static DefaultKafkaConsumerFactory<String, byte[]> consumers(Map<String, Object> config,
			MeterRegistry meters) {
		var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(config);
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		return consumers;
	}

}

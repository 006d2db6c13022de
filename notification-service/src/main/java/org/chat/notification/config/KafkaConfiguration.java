package org.chat.notification.config;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.chat.chassis.instance.InstanceProperties;
import org.chat.chassis.kafka.ConsumerProperties;
import org.chat.chassis.kafka.KafkaConsumerConfiguration;
import org.chat.chassis.kafka.KafkaProducerConfiguration;
import org.chat.contracts.Topics;
import org.chat.notification.job.ProviderBackOff;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The push topics (created if missing) and three consumers, all from the chassis ({@code chat.kafka.consumer.*}):
 * the shared batch container for chat.push.settings, the push-job senders (their own batch size, concurrency and
 * provider back-off) and the decider's chat.messages consumer.
 */
@Configuration(proxyBeanMethods = false)
@Import({ KafkaConsumerConfiguration.class, KafkaProducerConfiguration.class })
public class KafkaConfiguration {

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
	 * The decider's fetch waits up to this long for {@link #DECIDER_FETCH_MIN_BYTES} instead of returning each
	 * record alone: every poll costs a session lookup and a commit, and beside the 3 s grace 100 ms is nothing.
	 */
	private static final int DECIDER_FETCH_MAX_WAIT_MS = 100;

	/** ~200 chat.messages records. */
	private static final int DECIDER_FETCH_MIN_BYTES = 64 * 1024;

	/**
	 * chat.messages from "now" when the group is new: a freshly deployed service must not push the history.
	 * After that, from the committed offsets (the oldest undecided send).
	 */
	@Bean
	ConsumerFactory<String, byte[]> messageLogConsumerFactory(KafkaProperties kafka, KafkaConnectionDetails connection,
			ConsumerProperties consumer, InstanceProperties instance, MeterRegistry meters) {
		return KafkaConsumerConfiguration.consumerFactory(kafka, connection, consumer, instance, meters,
				Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
						DECIDER_FETCH_MIN_BYTES, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, DECIDER_FETCH_MAX_WAIT_MS));
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> pushJobsContainerFactory(KafkaProperties kafka,
			KafkaConnectionDetails connection, ConsumerProperties consumer, InstanceProperties instance,
			PushProperties properties, MeterRegistry meters) {
		return KafkaConsumerConfiguration.batchContainerFactory(
				KafkaConsumerConfiguration.consumerFactory(kafka, connection, consumer, instance, meters,
						Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, JOBS_PER_POLL)),
				properties.senderConcurrency(),
				new ProviderBackOff(properties.retry().initial(), properties.retry().max()));
	}

}

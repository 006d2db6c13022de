package org.chat.chassis.kafka;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chat.chassis.instance.InstanceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The batch listener container of every consuming service, at-least-once: offsets are committed after the
 * listener returned for the whole batch (also the last one before a graceful stop, which lets the batch in
 * flight finish); a batch that throws is retried after {@code retry-backoff}, forever, so nothing is skipped.
 * Rebalances are cheap: cooperative-sticky assignment moves only the partitions that must move, and with
 * {@code chat.instance.id} the consumer is a static member, so a restart within the session timeout gets its
 * partitions back without a rebalance. The bean takes the name of Boot's factory, which then backs off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ConsumerProperties.class, InstanceProperties.class })
public class KafkaConsumerConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(KafkaProperties kafka,
			KafkaConnectionDetails connection, ConsumerProperties consumer, InstanceProperties instance,
			MeterRegistry meters, ObjectProvider<ConsumerRebalanceListener> rebalanceListener) {
		var factory = batchContainerFactory(consumerFactory(kafka, connection, consumer, instance, meters, Map.of()),
				consumer.concurrency(),
				new FixedBackOff(consumer.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
		rebalanceListener.ifAvailable(factory.getContainerProperties()::setConsumerRebalanceListener);
		return factory;
	}

	/**
	 * The consumers of {@link #consumerConfig} with {@code overrides} on top (a second listener's batch size, a
	 * group that must start at the log's end), reporting the client's own metrics.
	 */
	public static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory(KafkaProperties kafka,
			KafkaConnectionDetails connection, ConsumerProperties consumer, InstanceProperties instance,
			MeterRegistry meters, Map<String, Object> overrides) {
		Map<String, Object> config = consumerConfig(kafka.buildConsumerProperties(), consumer, instance);
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
		config.putAll(overrides);
		var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(config);
		// the client's own metrics (records-lag-max, fetch rates) on /actuator/prometheus; Boot adds this
		// listener only to the consumer factory it builds itself
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		return consumers;
	}

	/**
	 * An at-least-once batch container on {@code consumers}; a failed batch is retried after {@code backOff}
	 * (a service whose retries follow a provider's {@code Retry-After} brings its own).
	 */
	public static ConcurrentKafkaListenerContainerFactory<String, byte[]> batchContainerFactory(
			ConsumerFactory<String, byte[]> consumers, int concurrency, BackOff backOff) {
		var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
		factory.setConsumerFactory(consumers);
		factory.setBatchListener(true);
		factory.setConcurrency(concurrency);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		// the commit is sent without waiting for the broker's answer: a synchronous one blocked the consumer
		// thread ~6 ms per batch on a busy box, more than processing a light-load batch. A commit lost to a crash
		// or a rebalance only means that batch is delivered again, which at-least-once processing already allows
		// for; a graceful stop still waits for the commits in flight (the consumer's close does)
		factory.getContainerProperties().setSyncCommits(false);
		// a stop lets the batch in flight finish and commits it; the next owner does not redo it
		factory.getContainerProperties().setStopImmediate(false);
		factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return factory;
	}

	/**
	 * Boot's consumer settings with ours on top. With several consumer threads the container appends
	 * {@code -<thread>} to {@code group.instance.id}, so each thread is its own static member.
	 */
	public static Map<String, Object> consumerConfig(Map<String, Object> boot, ConsumerProperties consumer,
			InstanceProperties instance) {
		Map<String, Object> config = new HashMap<>(boot);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumer.maxRecords());
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) consumer.sessionTimeout().toMillis());
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) consumer.heartbeatInterval().toMillis());
		config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		if (instance.hasId()) {
			config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance.id());
		}
		else {
			config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		}
		return config;
	}

}

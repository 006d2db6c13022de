package org.chat.chassis.kafka;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.ProducerListener;

/**
 * The producer listener of every service: Boot's {@code KafkaTemplate} takes it in place of Spring Kafka's
 * per-record error log ({@link ThrottledProducerListener}); a template built by hand sets it itself.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaProducerConfiguration {

	/** One line per this much time at most while records fail. */
	public static final Duration ERROR_LOG_INTERVAL = Duration.ofSeconds(10);

	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		return producerListener();
	}

	/** For a template built by hand (the gateway's). */
	public static <K, V> ProducerListener<K, V> producerListener() {
		return new ThrottledProducerListener<>(Clock.systemUTC(), ERROR_LOG_INTERVAL);
	}

}

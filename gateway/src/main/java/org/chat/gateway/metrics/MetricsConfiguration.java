package org.chat.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.kafka.KafkaEnvelopePublisher;
import org.chat.gateway.session.LocalSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/** Chat-mode meters (see docs/METRICS.md); conformance mode has only Boot's own. */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
class MetricsConfiguration {

	@Bean
	GatewayMetrics gatewayMetrics(MeterRegistry meters, LocalSessions sessions) {
		return new GatewayMetrics(meters, sessions);
	}

	/** What the chat layer publishes through: the Kafka publisher, timed. */
	@Bean
	@Primary
	EnvelopePublisher timedEnvelopePublisher(KafkaEnvelopePublisher kafka, GatewayMetrics metrics) {
		return new TimedEnvelopePublisher(kafka, metrics);
	}

}

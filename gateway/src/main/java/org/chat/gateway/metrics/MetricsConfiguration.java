package org.chat.gateway.metrics;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.kafka.KafkaEnvelopePublisher;
import org.chat.gateway.presence.RedisSessionRoutes;
import org.chat.gateway.presence.SessionRoutes;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.web.EngineEndpoint;
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

	/** {@code chat_gateway_connections_refused_total}: opens refused by the per-address connection limit. */
	@Bean
	MeterBinder connectionLimitMeters(List<EngineEndpoint> endpoints) {
		return meters -> FunctionCounter
			.builder("chat.gateway.connections.refused", endpoints,
					all -> all.stream().mapToLong(endpoint -> endpoint.server().perAddress().refused()).sum())
			.description("Engine.IO opens refused with HTTP 429: the address held chat.engine.max-connections-per-address")
			.register(meters);
	}

	/** What the chat layer holds a first sync on: the Redis routes, timed. */
	@Bean
	@Primary
	SessionRoutes timedSessionRoutes(RedisSessionRoutes redis, GatewayMetrics metrics) {
		return new TimedSessionRoutes(redis, metrics, Clock.systemUTC());
	}

	/** What the chat layer publishes through: the Kafka publisher, timed. */
	@Bean
	@Primary
	EnvelopePublisher timedEnvelopePublisher(KafkaEnvelopePublisher kafka, GatewayMetrics metrics) {
		return new TimedEnvelopePublisher(kafka, metrics);
	}

}

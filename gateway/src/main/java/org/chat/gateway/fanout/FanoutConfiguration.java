package org.chat.gateway.fanout;

import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.lifecycle.GatewayId;
import org.chat.gateway.presence.GatewayLiveness;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
class FanoutConfiguration {

	@Bean(destroyMethod = "destroy")
	ReactiveRedisMessageListenerContainer fanoutListenerContainer(ReactiveRedisConnectionFactory factory) {
		return new ReactiveRedisMessageListenerContainer(factory);
	}

	@Bean
	FanoutRouter fanoutRouter(LocalSessions sessions, PendingReplies pending, EnvelopePublisher publisher,
			SessionEvents sessionEvents, GatewayLiveness liveness) {
		return new FanoutRouter(sessions, pending, publisher, sessionEvents, liveness::refreshOnce);
	}

	@Bean
	FanoutSubscriber fanoutSubscriber(ReactiveRedisMessageListenerContainer fanoutListenerContainer,
			FanoutRouter router, GatewayId gatewayId) {
		return new FanoutSubscriber(fanoutListenerContainer, router, gatewayId.value());
	}

}

package org.chat.gateway.fanout;

import org.chat.contracts.fanout.FanoutChannels;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.lifecycle.GatewayId;
import org.chat.gateway.presence.GatewayLiveness;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
class FanoutConfiguration {

	/** Classic pub/sub on one node or a Sentinel-managed master, sharded pub/sub on a Cluster. */
	@Bean(destroyMethod = "close")
	FanoutChannels fanoutChannels(ReactiveRedisConnectionFactory factory) {
		return FanoutChannels.of(factory);
	}

	@Bean
	FanoutRouter fanoutRouter(LocalSessions sessions, PendingReplies pending, EnvelopePublisher publisher,
			GatewayLiveness liveness) {
		return new FanoutRouter(sessions, pending, publisher, liveness::refreshOnce);
	}

	@Bean
	FanoutSubscriber fanoutSubscriber(FanoutChannels fanoutChannels, FanoutRouter router, GatewayId gatewayId) {
		return new FanoutSubscriber(fanoutChannels, router, gatewayId.value());
	}

}

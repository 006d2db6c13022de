package org.chat.gateway.lifecycle;

import org.chat.chassis.ready.ReadyLog;
import org.chat.contracts.Channels;
import org.chat.gateway.chat.ChatSessions;
import org.chat.gateway.fanout.FanoutSubscriber;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.presence.GatewayLiveness;
import org.chat.gateway.presence.SessionAnnouncer;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.session.LocalSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@EnableConfigurationProperties(GatewayProperties.class)
class LifecycleConfiguration {

	@Bean
	GatewayId gatewayId(GatewayProperties properties) {
		return GatewayId.of(properties);
	}

	@Bean
	GatewayLiveness gatewayLiveness(ReactiveStringRedisTemplate redis, GatewayId id, GatewayProperties properties,
			LocalSessions sessions, SessionEvents sessionEvents) {
		return new GatewayLiveness(redis, id.value(), properties.aliveTtl(), properties.aliveRefresh(),
				properties.redisTimeout(), new SessionAnnouncer(sessions, sessionEvents));
	}

	@Bean
	ReadyLog readyLog(GatewayId id) {
		return new ReadyLog("gateway " + id.value() + ", fan-out from " + Channels.gateway(id.value()));
	}

	@Bean
	GatewayLifecycle gatewayLifecycle(ChatSessions sessions, FanoutSubscriber fanout, GatewayLiveness liveness,
			EnvelopePublisher publisher, GatewayProperties properties) {
		return new GatewayLifecycle(sessions, fanout, liveness, publisher, properties.shutdownTimeout());
	}

}

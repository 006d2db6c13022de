package org.chat.gateway.chat;

import java.time.Clock;

import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.lifecycle.GatewayId;
import org.chat.gateway.lifecycle.GatewayProperties;
import org.chat.gateway.metrics.GatewayMetrics;
import org.chat.gateway.metrics.MeteredConnectionHandler;
import org.chat.gateway.presence.EpochAllocator;
import org.chat.gateway.presence.RedisSessionRoutes;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.presence.SessionRoutes;
import org.chat.gateway.ratelimit.RateLimitProperties;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.SocketIoServer;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.LimitsProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.scheduler.Schedulers;

/** The chat application on the default namespace (everything but conformance mode). */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@EnableConfigurationProperties({ LimitsProperties.class, RateLimitProperties.class })
class ChatConfiguration {

	static final String NAMESPACE = "/";

	@Bean
	LocalSessions localSessions() {
		return new LocalSessions();
	}

	@Bean
	PendingReplies pendingReplies(GatewayProperties gateway) {
		return new PendingReplies(Schedulers.parallel(), gateway.replyTimeout());
	}

	@Bean
	SessionEvents sessionEvents(EnvelopePublisher publisher) {
		return new SessionEvents(publisher);
	}

	@Bean
	EpochAllocator epochAllocator(ReactiveStringRedisTemplate redis, GatewayProperties gateway) {
		return new EpochAllocator(redis, gateway.redisTimeout());
	}

	@Bean
	RedisSessionRoutes redisSessionRoutes(ReactiveStringRedisTemplate redis, GatewayProperties gateway) {
		return new RedisSessionRoutes(redis, gateway.routableWait());
	}

	@Bean
	ChatEvents chatEvents(LimitsProperties limits, EnvelopePublisher publisher, SessionEvents sessionEvents,
			PendingReplies pending, SessionRoutes routes) {
		Clock clock = Clock.systemUTC();
		return new ChatEvents(new EventValidator(limits), publisher, sessionEvents, pending, new MessageIds(clock),
				clock, routes);
	}

	@Bean
	ChatSessions chatSessions(LocalSessions sessions, SessionEvents sessionEvents, PendingReplies pending,
			ChatEvents events, GatewayId gatewayId, RateLimitProperties rateLimit) {
		return new ChatSessions(sessions, sessionEvents, pending, events, gatewayId.value(), rateLimit);
	}

	@Bean
	ChatConnectionHandler chatConnectionHandler(TokenAuthenticator authenticator, EpochAllocator epochs,
			ChatSessions sessions) {
		return new ChatConnectionHandler(authenticator, epochs, sessions);
	}

	@Bean
	SmartInitializingSingleton chatNamespace(SocketIoServer server, ChatConnectionHandler handler,
			GatewayMetrics metrics) {
		return () -> server.namespace(NAMESPACE, new MeteredConnectionHandler(handler, metrics, Clock.systemUTC()));
	}

}

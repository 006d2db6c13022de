package org.chat.presence.config;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import org.chat.chassis.kafka.ConsumerProperties;
import org.chat.chassis.periodic.PeriodicTask;
import org.chat.contracts.routing.RedisRoutingLookup;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.presence.consume.EnvelopeDispatcher;
import org.chat.presence.consume.PresenceConsumer;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.chat.presence.session.LastSeenPublisher;
import org.chat.presence.session.SessionHandler;
import org.chat.presence.session.SessionScripts;
import org.chat.presence.sweep.GatewaySweeper;
import org.chat.presence.sweep.RedisRestartDetector;
import org.chat.presence.typing.TypingDeadlines;
import org.chat.presence.typing.TypingHandler;
import org.chat.presence.typing.TypingRouter;
import org.chat.presence.userlist.GatewayLoad;
import org.chat.presence.userlist.OnlineUsers;
import org.chat.presence.userlist.UserListBroadcaster;
import org.chat.presence.userlist.UserListCoalescer;
import org.chat.presence.userlist.UserListQueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the consumer, its handlers, the Redis-side components and the four periodic tasks (sweep, restart
 * check, user list, typing); the classes themselves stay free of Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceConfiguration {

	/** Identifies this process in the keys it holds (user-list gate, boot marker). */
	private static final String INSTANCE_ID = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID();

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	GatewayPublisher gatewayPublisher(ReactiveStringRedisTemplate redis) {
		return new GatewayPublisher(redis);
	}

	@Bean
	LastSeenPublisher lastSeenPublisher(KafkaTemplate<String, byte[]> kafka) {
		return new LastSeenPublisher(kafka);
	}

	@Bean
	SessionScripts sessionScripts(ReactiveStringRedisTemplate redis, PresenceProperties properties) {
		return new SessionScripts(redis, properties.tombstoneTtl());
	}

	@Bean
	RoutingLookup routingLookup(ReactiveStringRedisTemplate redis) {
		return new RedisRoutingLookup(redis);
	}

	@Bean
	OnlineUsers onlineUsers(ReactiveStringRedisTemplate redis, PresenceProperties properties) {
		return new OnlineUsers(redis, properties.userList().cap());
	}

	@Bean
	UserListBroadcaster userListBroadcaster(ReactiveStringRedisTemplate redis, OnlineUsers onlineUsers,
			GatewayPublisher publisher, PresenceProperties properties, PresenceMetrics metrics) {
		return new UserListBroadcaster(redis, onlineUsers, publisher, properties.userList().window(),
				properties.userList().clientBandwidth(), new GatewayLoad(redis), properties.userList().gatewayBandwidth(),
				INSTANCE_ID, metrics);
	}

	@Bean
	UserListCoalescer userListCoalescer(UserListBroadcaster broadcaster) {
		return new UserListCoalescer(broadcaster::acquireWindow, broadcaster::broadcast);
	}

	@Bean
	SessionHandler sessionHandler(SessionScripts scripts, LastSeenPublisher lastSeen, GatewayPublisher publisher,
			Clock clock) {
		return new SessionHandler(scripts, lastSeen, publisher, clock);
	}

	@Bean
	TypingDeadlines typingDeadlines(ReactiveStringRedisTemplate redis, PresenceProperties properties) {
		return new TypingDeadlines(redis, properties.typing().timeout());
	}

	@Bean
	TypingHandler typingHandler(TypingDeadlines deadlines, RoutingLookup routing, GatewayPublisher publisher,
			Clock clock, PresenceMetrics metrics) {
		return new TypingHandler(deadlines, new TypingRouter(routing, publisher), clock, metrics);
	}

	@Bean
	PresenceConsumer presenceConsumer(SessionHandler sessions, TypingHandler typing, OnlineUsers onlineUsers,
			GatewayPublisher publisher, ConsumerProperties consumer) {
		return new PresenceConsumer(
				new EnvelopeDispatcher(sessions, typing, new UserListQueryHandler(onlineUsers, publisher)),
				consumer.batchTimeout());
	}

	@Bean
	GatewaySweeper gatewaySweeper(ReactiveStringRedisTemplate redis, SessionScripts scripts,
			LastSeenPublisher lastSeen, Clock clock, PresenceMetrics metrics) {
		return new GatewaySweeper(redis, scripts, lastSeen, clock, metrics);
	}

	@Bean
	RedisRestartDetector redisRestartDetector(ReactiveStringRedisTemplate redis, GatewayPublisher publisher,
			Clock clock) {
		return new RedisRestartDetector(redis, publisher, INSTANCE_ID, clock);
	}

	@Bean
	PeriodicTask userListTask(UserListCoalescer coalescer, PresenceProperties properties) {
		return new PeriodicTask("user_list broadcast", properties.userList().window(), coalescer::tick);
	}

	@Bean
	PeriodicTask gatewaySweepTask(GatewaySweeper sweeper, PresenceProperties properties) {
		return new PeriodicTask("gateway sweep", properties.sweep().interval(), sweeper::sweepOnce);
	}

	@Bean
	PeriodicTask redisRestartTask(RedisRestartDetector detector, PresenceProperties properties) {
		return new PeriodicTask("boot marker check", properties.redisCheckInterval(), detector::check);
	}

	@Bean
	PeriodicTask typingExpiryTask(TypingHandler typing, PresenceProperties properties) {
		return new PeriodicTask("typing expiry", properties.typing().pollInterval(), typing::expire);
	}

}

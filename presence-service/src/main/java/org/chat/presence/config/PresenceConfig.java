package org.chat.presence.config;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import org.chat.contracts.routing.RedisRoutingLookup;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.chat.presence.session.SessionScripts;
import org.chat.presence.sweep.GatewaySweeper;
import org.chat.presence.sweep.RedisRestartDetector;
import org.chat.presence.typing.TypingDeadlines;
import org.chat.presence.typing.TypingHandler;
import org.chat.presence.userlist.OnlineUsers;
import org.chat.presence.userlist.UserListBroadcaster;
import org.chat.presence.userlist.UserListCoalescer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Wires the Redis-side components and the four periodic tasks (sweep, restart check, user list, typing). */
@Configuration(proxyBeanMethods = false)
public class PresenceConfig {

	/** Identifies this process in the keys it holds (user-list gate, boot marker). */
	private static final String INSTANCE_ID = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID();

	@Bean
	Clock clock() {
		return Clock.systemUTC();
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
		return new UserListBroadcaster(redis, onlineUsers, publisher, properties.userList().window(), INSTANCE_ID,
				metrics);
	}

	@Bean
	UserListCoalescer userListCoalescer(UserListBroadcaster broadcaster) {
		return new UserListCoalescer(broadcaster::acquireWindow, broadcaster::broadcast);
	}

	@Bean
	TypingDeadlines typingDeadlines(ReactiveStringRedisTemplate redis, PresenceProperties properties) {
		return new TypingDeadlines(redis, properties.typing().timeout());
	}

	@Bean
	RedisRestartDetector redisRestartDetector(ReactiveStringRedisTemplate redis, GatewayPublisher publisher,
			PresenceProperties properties) {
		return new RedisRestartDetector(redis, publisher, INSTANCE_ID, properties.reannounceAttempts());
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

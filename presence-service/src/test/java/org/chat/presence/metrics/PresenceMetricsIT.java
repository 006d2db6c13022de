package org.chat.presence.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.routing.RedisRoutingLookup;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.support.TestRedis;
import org.chat.presence.typing.TypingDeadlines;
import org.chat.presence.typing.TypingHandler;
import org.chat.presence.typing.TypingRouter;
import org.chat.presence.userlist.GatewayLoad;
import org.chat.presence.userlist.OnlineUsers;
import org.chat.presence.userlist.UserListBroadcaster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters move on the real paths, against the shared redis-server. */
class PresenceMetricsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PresenceMetrics metrics = new PresenceMetrics(this.meters);

	private final GatewayPublisher publisher = new GatewayPublisher(this.redis);

	@BeforeEach
	void clean() {
		TestRedis.get().flush();
	}

	@Test
	void onlineUsersGaugeFollowsTheOnlineSetOnRefresh() {
		OnlineUsersGauge gauge = new OnlineUsersGauge(this.redis, this.meters);
		this.redis.opsForSet().add(PresenceKeys.ONLINE, "alice", "bob", "carol").block(TIMEOUT);
		assertThat(gaugeValue()).isZero();

		gauge.refresh().block(TIMEOUT);
		assertThat(gaugeValue()).isEqualTo(3);

		this.redis.opsForSet().remove(PresenceKeys.ONLINE, "bob").block(TIMEOUT);
		gauge.refresh().block(TIMEOUT);
		assertThat(gaugeValue()).isEqualTo(2);
	}

	@Test
	void eachUserListBroadcastCounts() {
		UserListBroadcaster broadcaster = new UserListBroadcaster(this.redis, new OnlineUsers(this.redis, 10),
				this.publisher, Duration.ofSeconds(30), DataSize.ofKilobytes(32), new GatewayLoad(this.redis),
				DataSize.ofMegabytes(16), "test", this.metrics);

		broadcaster.broadcast().block(TIMEOUT);
		broadcaster.broadcast().block(TIMEOUT);

		assertThat(this.meters.get("chat.presence.user.list.broadcasts").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("chat.presence.user.list.window").gauge().value()).isEqualTo(30.0);
	}

	@Test
	void expiredTypingIndicatorsCount() {
		Clock clock = Clock.fixed(Instant.ofEpochMilli(10_000), ZoneOffset.UTC);
		TypingDeadlines deadlines = new TypingDeadlines(this.redis, Duration.ofSeconds(5));
		TypingHandler typing = new TypingHandler(deadlines,
				new TypingRouter(new RedisRoutingLookup(this.redis), this.publisher), clock, this.metrics);
		deadlines.renew("alice", "bob", 1_000).block(TIMEOUT);
		deadlines.renew("carol", "bob", 2_000).block(TIMEOUT);
		deadlines.renew("dave", "bob", 9_000).block(TIMEOUT);

		assertThat(typing.expire().block(TIMEOUT)).isEqualTo(2);
		assertThat(this.meters.get("chat.presence.typing.expired").counter().count()).isEqualTo(2);
	}

	@Test
	void aSweptGatewayCountsItselfAndItsSessions() {
		this.metrics.gatewaySwept(3);
		this.metrics.gatewaySwept(0);

		assertThat(this.meters.get("chat.presence.swept.gateways").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("chat.presence.swept.sessions").counter().count()).isEqualTo(3);
	}

	private double gaugeValue() {
		return this.meters.get("chat.presence.online.users").gauge().value();
	}

}

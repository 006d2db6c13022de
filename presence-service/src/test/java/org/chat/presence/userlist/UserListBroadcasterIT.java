package org.chat.presence.userlist;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.contracts.PresenceKeys;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.chat.presence.support.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster-wide gate of the user_list coalescer, against the shared redis-server. */
class UserListBroadcasterIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final UserListBroadcaster broadcaster = new UserListBroadcaster(this.redis, new OnlineUsers(this.redis, 10),
			new GatewayPublisher(this.redis), Duration.ofSeconds(30), "test",
			new PresenceMetrics(new SimpleMeterRegistry()));

	@BeforeEach
	void clean() {
		TestRedis.get().flush();
	}

	@Test
	void aChangedListTakesTheWindowOnceAndABroadcastSettlesIt() {
		versions(3, 2);

		assertThat(this.broadcaster.acquireWindow().block(TIMEOUT)).isTrue();
		assertThat(this.broadcaster.acquireWindow().block(TIMEOUT)).as("window already taken").isFalse();

		this.broadcaster.broadcast().block(TIMEOUT);
		this.redis.delete(PresenceKeys.USER_LIST_GATE).block(TIMEOUT);
		assertThat(this.redis.opsForValue().get(PresenceKeys.USER_LIST_BROADCAST).block(TIMEOUT)).isEqualTo("3");
		assertThat(this.broadcaster.acquireWindow().block(TIMEOUT)).as("nothing changed since").isFalse();
	}

	@Test
	void aVersionBelowTheBroadcastOneAfterRedisLostItsDataIsStillAChange() {
		// a broadcast read version 50, Redis restarted empty, the broadcast then recorded 50; 3 changes since
		versions(3, 50);

		assertThat(this.broadcaster.acquireWindow().block(TIMEOUT)).isTrue();
	}

	private void versions(long current, long broadcast) {
		this.redis.opsForValue()
			.multiSet(Map.of(PresenceKeys.USER_LIST_VERSION, Long.toString(current), PresenceKeys.USER_LIST_BROADCAST,
					Long.toString(broadcast)))
			.block(TIMEOUT);
	}

}

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
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster-wide gate of the user_list coalescer, against the shared redis-server. */
class UserListBroadcasterIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final UserListBroadcaster broadcaster = new UserListBroadcaster(this.redis, new OnlineUsers(this.redis, 10),
			new GatewayPublisher(this.redis), Duration.ofSeconds(30), DataSize.ofKilobytes(32),
			new GatewayLoad(this.redis), DataSize.ofMegabytes(16), "test", new PresenceMetrics(new SimpleMeterRegistry()));

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

	@Test
	void aLargeListHoldsTheGateForTheTimeItsBytesTakeAtTheClientBandwidth() {
		UserListBroadcaster twoKbPerSecond = new UserListBroadcaster(this.redis, new OnlineUsers(this.redis, 1000),
				new GatewayPublisher(this.redis), Duration.ofMillis(250), DataSize.ofKilobytes(2),
				new GatewayLoad(this.redis), DataSize.ofMegabytes(16), "test",
				new PresenceMetrics(new SimpleMeterRegistry()));
		online(2);
		versions(1, 0);
		assertThat(twoKbPerSecond.acquireWindow().block(TIMEOUT)).isTrue();
		twoKbPerSecond.broadcast().block(TIMEOUT);
		assertThat(this.redis.getExpire(PresenceKeys.USER_LIST_GATE).defaultIfEmpty(Duration.ZERO).block(TIMEOUT))
			.as("a ~270-byte list keeps the configured window (perhaps over already)")
			.isLessThanOrEqualTo(Duration.ofMillis(250));

		online(100); // ~100 bytes a user: ~10 KB, ~5 s at 2 KB/s
		versions(2, 1);
		this.redis.delete(PresenceKeys.USER_LIST_GATE).block(TIMEOUT);
		assertThat(twoKbPerSecond.acquireWindow().block(TIMEOUT)).isTrue();
		twoKbPerSecond.broadcast().block(TIMEOUT);
		assertThat(this.redis.getExpire(PresenceKeys.USER_LIST_GATE).block(TIMEOUT))
			.isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
		versions(3, 2);
		assertThat(twoKbPerSecond.acquireWindow().block(TIMEOUT)).as("the next change waits for the stretched window")
			.isFalse();
	}

	@Test
	void aGatewayWithManySocketsHoldsTheGateForTheTimeItsWritesTakeAtTheGatewayBandwidth() {
		UserListBroadcaster oneMbPerGateway = new UserListBroadcaster(this.redis, new OnlineUsers(this.redis, 1000),
				new GatewayPublisher(this.redis), Duration.ofMillis(250), DataSize.ofKilobytes(8),
				new GatewayLoad(this.redis), DataSize.ofMegabytes(1), "test",
				new PresenceMetrics(new SimpleMeterRegistry()));
		online(10); // ~1 KB: 125 ms at 8 KB/s per client, under the window
		sockets("gw-small", 100);
		sockets("gw-busy", 5_000); // 5,000 × ~1 KB at 1 MB/s: ~5 s
		versions(1, 0);

		assertThat(oneMbPerGateway.acquireWindow().block(TIMEOUT)).isTrue();
		oneMbPerGateway.broadcast().block(TIMEOUT);

		assertThat(this.redis.getExpire(PresenceKeys.USER_LIST_GATE).block(TIMEOUT))
			.as("the busiest gateway's sockets decide, not the client bandwidth")
			.isBetween(Duration.ofSeconds(3), Duration.ofSeconds(8));
	}

	private void sockets(String gateway, int sessions) {
		this.redis.opsForSet().add(PresenceKeys.GATEWAYS, gateway).block(TIMEOUT);
		String[] ids = new String[sessions];
		for (int i = 0; i < sessions; i++) {
			ids[i] = gateway + "-s" + i;
		}
		this.redis.opsForSet().add(PresenceKeys.gatewaySessions(gateway), ids).block(TIMEOUT);
	}

	private void online(int users) {
		for (int i = 0; i < users; i++) {
			String user = "user-" + i;
			this.redis.opsForSet().add(PresenceKeys.ONLINE, user).block(TIMEOUT);
			this.redis.opsForHash()
				.putAll(PresenceKeys.profile(user),
						Map.of("name", "User number " + i, "email", user + "@example.com", "avatar", "a" + i))
				.block(TIMEOUT);
		}
	}

	private void versions(long current, long broadcast) {
		this.redis.opsForValue()
			.multiSet(Map.of(PresenceKeys.USER_LIST_VERSION, Long.toString(current), PresenceKeys.USER_LIST_BROADCAST,
					Long.toString(broadcast)))
			.block(TIMEOUT);
	}

}

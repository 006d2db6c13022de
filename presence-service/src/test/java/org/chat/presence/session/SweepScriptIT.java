package org.chat.presence.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.SessionRef;
import org.chat.presence.support.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep script: safe with concurrent sweepers, and never removes what a live gateway holds. */
class SweepScriptIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final SessionScripts scripts = new SessionScripts(this.redis, Duration.ofHours(1));

	@BeforeEach
	void clean() {
		TestRedis.get().flush();
	}

	@Test
	void twoConcurrentSweepersRemoveEverySessionOnceAndTakeEachUserOfflineOnce() {
		for (int u = 0; u < 100; u++) {
			register("u" + u, "s1", "dead", 1);
			register("u" + u, "s2", "dead", 2);
		}
		List<String> members = List.copyOf(members(PresenceKeys.gatewaySessions("dead")));
		assertThat(members).hasSize(200);

		List<PresenceChange> changes = Flux.range(0, 2)
			.flatMap(sweeper -> Flux.fromIterable(members).flatMap(member -> {
				String[] parts = member.split(" ", 2);
				return this.scripts.sweep(parts[0], parts[1], "dead", 7);
			}, 8))
			.collectList()
			.block(TIMEOUT);

		Map<PresenceChange, Long> counts = changes.stream()
			.collect(Collectors.groupingBy(change -> change, Collectors.counting()));
		assertThat(counts.get(PresenceChange.WENT_OFFLINE)).isEqualTo(100);
		assertThat(members(PresenceKeys.ONLINE)).isEmpty();
		assertThat(members(PresenceKeys.gatewaySessions("dead"))).isEmpty();
		assertThat(this.redis.<String, String>opsForHash().get(PresenceKeys.profile("u7"), "lastSeenAt").block(TIMEOUT))
			.isEqualTo("7");
	}

	@Test
	void anAliveGatewayIsNotSwept() {
		register("alice", "s1", "live", 1);
		this.redis.opsForValue().set(PresenceKeys.gatewayAlive("live"), "1", Duration.ofMinutes(1)).block(TIMEOUT);
		assertThat(this.scripts.sweep("alice", "s1", "live", 7).block(TIMEOUT)).isEqualTo(PresenceChange.GATEWAY_ALIVE);
		assertThat(members(PresenceKeys.ONLINE)).containsExactly("alice");
	}

	@Test
	void aSessionNowHeldByAnotherGatewayIsKept() {
		register("bob", "s1", "dead", 1);
		register("bob", "s1", "other", 2); // a newer incarnation of the session on another gateway
		assertThat(this.scripts.sweep("bob", "s1", "dead", 7).block(TIMEOUT)).isEqualTo(PresenceChange.UNCHANGED);
		assertThat(members(PresenceKeys.ONLINE)).containsExactly("bob");
		assertThat(members(PresenceKeys.gatewaySessions("other"))).containsExactly("bob s1");
		assertThat(members(PresenceKeys.gatewaySessions("dead"))).isEmpty();
	}

	private void register(String user, String session, String gateway, long epoch) {
		this.scripts.register(new SessionRef(user, session, gateway, epoch), 1, epoch, null).block(TIMEOUT);
	}

	private List<String> members(String key) {
		return this.redis.opsForSet().members(key).collectList().block(TIMEOUT);
	}

}

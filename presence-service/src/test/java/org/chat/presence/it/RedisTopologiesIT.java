package org.chat.presence.it;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.contracts.fanout.FanoutChannels;
import org.chat.contracts.fanout.FanoutChannels.ChannelMessage;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.client.UserView;
import org.chat.contracts.routing.RedisRoutingLookup;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.chat.presence.session.LastSeenPublisher;
import org.chat.presence.session.PresenceChange;
import org.chat.presence.session.SessionScripts;
import org.chat.presence.sweep.GatewaySweeper;
import org.chat.presence.typing.TypingDeadlines;
import org.chat.presence.userlist.OnlineUsers;
import org.chat.testsupport.redis.RedisTopologies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Redis operation of the presence-service, and its fan-out, on a real 3-master Redis Cluster and a real
 * Sentinel setup, with the connection factory Spring Boot builds from the standard {@code spring.data.redis.*}
 * properties: the session scripts (one slot thanks to the {@code {presence}} hash tag), the crash sweep, typing
 * expiry, the online list, the routing lookup and the user-list broadcast.
 */
class RedisTopologiesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	static Path dir;

	static RedisTopologies redis;

	@BeforeAll
	static void start() {
		redis = RedisTopologies.start(dir);
	}

	@AfterAll
	static void stop() {
		redis.close();
	}

	static Stream<String> topologies() {
		return Stream.of("cluster", "sentinel");
	}

	@ParameterizedTest
	@MethodSource("topologies")
	void presenceOperationsAndFanOutWork(String topology) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues(redis.springProperties(topology).toArray(String[]::new))
			.run(context -> exercise(context.getBean(ReactiveStringRedisTemplate.class),
					context.getBean(ReactiveRedisConnectionFactory.class)));
	}

	private void exercise(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory factory) {
		String alice = "alice-" + System.nanoTime();
		String bob = "bob-" + System.nanoTime();
		String live = "gw-live-" + System.nanoTime();
		String dead = "gw-dead-" + System.nanoTime();
		long now = System.currentTimeMillis();
		SessionScripts scripts = new SessionScripts(redis, Duration.ofHours(1));
		redis.opsForValue().set(PresenceKeys.gatewayAlive(live), "1", Duration.ofMinutes(5)).block(TIMEOUT);

		// The gateway's epoch INCR and the session transitions.
		long epoch = redis.opsForValue().increment(PresenceKeys.epoch(alice)).block(TIMEOUT);
		SessionRef a1 = new SessionRef(alice, "a1", live, epoch);
		assertThat(scripts.open(a1, now).block(TIMEOUT)).isEqualTo(PresenceChange.APPLIED);
		assertThat(scripts.register(a1, now, now, new Profile("Alice", null, null)).block(TIMEOUT))
			.isEqualTo(PresenceChange.CAME_ONLINE);
		SessionRef b1 = new SessionRef(bob, "b1", dead, 1);
		scripts.open(b1, now).block(TIMEOUT);
		assertThat(scripts.register(b1, now, now, null).block(TIMEOUT)).isEqualTo(PresenceChange.CAME_ONLINE);
		assertThat(redis.opsForSet().members(PresenceKeys.ONLINE).collectList().block(TIMEOUT))
			.containsExactlyInAnyOrder(alice, bob);

		// Routing (message-service's lookup) and the user list.
		assertThat(new RedisRoutingLookup(redis).gatewaysOf(List.of(alice, bob)).block(TIMEOUT))
			.isEqualTo(Map.of(live, Set.of(alice), dead, Set.of(bob)));
		assertThat(new OnlineUsers(redis, 100).list().block(TIMEOUT)).extracting(UserView::id)
			.containsExactlyInAnyOrder(alice, bob);

		// The crash sweep: the dead gateway has no alive key.
		List<String> lastSeen = new ArrayList<>();
		GatewaySweeper sweeper = new GatewaySweeper(redis, scripts, recordingLastSeen(lastSeen), Clock.systemUTC(),
				new PresenceMetrics(new SimpleMeterRegistry()));
		assertThat(sweeper.sweepOnce().block(TIMEOUT)).isEqualTo(1L);
		assertThat(lastSeen).containsExactly(bob);
		assertThat(redis.opsForSet().isMember(PresenceKeys.GATEWAYS, dead).block(TIMEOUT)).isFalse();

		// The epoch rule's close.
		assertThat(scripts.close(a1, now).block(TIMEOUT)).isEqualTo(PresenceChange.WENT_OFFLINE);
		assertThat(redis.opsForSet().size(PresenceKeys.ONLINE).block(TIMEOUT)).isZero();

		// Typing expiry.
		TypingDeadlines typing = new TypingDeadlines(redis, Duration.ofMillis(1));
		typing.renew(alice, bob, now).block(TIMEOUT);
		assertThat(typing.popExpired(now + 10).map(pair -> pair[0] + ">" + pair[1]).collectList().block(TIMEOUT))
			.containsExactly(alice + ">" + bob);

		// Fan-out from the presence-service's publisher to a gateway's subscription (sharded on the cluster).
		try (FanoutChannels gateway = FanoutChannels.of(factory)) {
			Flux<ChannelMessage> messages = gateway.receiveLater(List.of(Channels.gateway(live), Channels.ALL))
				.block(TIMEOUT);
			List<ChannelMessage> received = new java.util.concurrent.CopyOnWriteArrayList<>();
			messages.take(2).subscribe(received::add);
			GatewayPublisher publisher = new GatewayPublisher(redis);
			assertThat(publisher.toGateway(live, GatewayMessage.reannounce()).block(TIMEOUT)).isEqualTo(1L);
			assertThat(publisher.toAll(GatewayMessage.reannounce()).block(TIMEOUT)).isEqualTo(1L);
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (received.size() < 2 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(received).extracting(ChannelMessage::channel).containsExactly(Channels.gateway(live), Channels.ALL);
		}
	}

	private static LastSeenPublisher recordingLastSeen(List<String> users) {
		return new LastSeenPublisher(null) {
			@Override
			public Mono<Void> publish(SessionRef session, String causeId, long lastSeenAtMillis) {
				users.add(session.userId());
				return Mono.empty();
			}
		};
	}

}

package org.chat.presence.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.routing.SessionEntry;
import org.chat.presence.session.SessionHistory.Event;
import org.chat.presence.session.SessionHistory.Incarnation;
import org.chat.presence.support.TestRedis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The epoch rule against a real redis-server: every reordering and duplication of the open/register/close
 * events of two or three sessions of one user ends in the same, correct state. Random histories come from
 * a seeded generator: each case is named by its seed, and {@code -Dchat.test.seed=N} replays a run.
 */
class SessionScriptsPropertyIT {

	private static final String USER = "alice";

	private static final List<String> GATEWAYS = List.of("gw-a", "gw-b");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final SessionScripts scripts = new SessionScripts(this.redis, Duration.ofHours(1));

	private static final int RANDOM_HISTORIES = 400;

	@TestFactory
	Stream<DynamicTest> anyOrderAndDuplicationEndsInTheRuleState() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + RANDOM_HISTORIES)
			.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
					() -> assertEndState(randomHistory(new Random(seed)))));
	}

	/** All 720 orders of a reconnect: s0 opened, registered, closed (twice); s1 opened and registered. */
	@Test
	void everyPermutationOfAReconnectConverges() {
		SessionHistory base = SessionHistory.of(USER,
				List.of(List.of(new Incarnation("gw-a", true, 1, true)), List.of(new Incarnation("gw-b", true, 1, false))));
		List<Event> events = new ArrayList<>(base.events());
		events.add(events.get(2));
		List<List<Event>> orders = permutations(events);
		assertThat(orders).hasSize(720);
		for (List<Event> order : orders) {
			assertEndState(base.reordered(order));
		}
		assertThat(base.expectedOnline()).isTrue();
	}

	@Test
	void aLateOpenAfterCloseChangesNothing() {
		SessionHistory history = SessionHistory.of(USER, List.of(List.of(new Incarnation("gw-a", true, 1, true))));
		List<Event> e = history.events();
		apply(history.reordered(List.of(e.get(2), e.get(1), e.get(0))));
		assertThat(sessions()).isEmpty();
		assertThat(online()).isEmpty();
		assertThat(this.redis.opsForValue().get(PresenceKeys.closedSession(USER, "s0")).block(TIMEOUT)).isEqualTo("1");
		assertThat(this.redis.getExpire(PresenceKeys.closedSession(USER, "s0")).block(TIMEOUT)).isPositive();
	}

	/** 2–3 sessions of 1–2 incarnations each, up to 4 duplicated events, in a shuffled order. */
	private static SessionHistory randomHistory(Random random) {
		List<List<Incarnation>> sessions = new ArrayList<>();
		int sessionCount = 2 + random.nextInt(2);
		for (int s = 0; s < sessionCount; s++) {
			List<Incarnation> incarnations = new ArrayList<>();
			int incarnationCount = 1 + random.nextInt(2);
			for (int i = 0; i < incarnationCount; i++) {
				incarnations.add(new Incarnation(GATEWAYS.get(random.nextInt(GATEWAYS.size())), random.nextBoolean(),
						random.nextInt(3), random.nextBoolean()));
			}
			sessions.add(incarnations);
		}
		SessionHistory history = SessionHistory.of(USER, sessions);
		List<Event> events = new ArrayList<>(history.events());
		int duplicates = events.isEmpty() ? 0 : random.nextInt(5);
		for (int d = 0; d < duplicates; d++) {
			events.add(history.events().get(random.nextInt(history.events().size())));
		}
		Collections.shuffle(events, random);
		return history.reordered(events);
	}

	private void assertEndState(SessionHistory history) {
		apply(history);
		assertThat(sessions()).as("sessions after %s", history.events()).isEqualTo(history.expectedSessions());
		assertThat(online()).as("online after %s", history.events())
			.isEqualTo(history.expectedOnline() ? Set.of(USER) : Set.of());
		Map<String, Set<String>> expectedSets = history.expectedGatewaySets();
		for (String gateway : GATEWAYS) {
			assertThat(members(PresenceKeys.gatewaySessions(gateway))).as("%s after %s", gateway, history.events())
				.isEqualTo(expectedSets.getOrDefault(gateway, Set.of()));
		}
		assertThat(members(PresenceKeys.GATEWAYS)).containsAll(expectedSets.keySet());
	}

	private void apply(SessionHistory history) {
		TestRedis.get().flush();
		for (Event event : history.events()) {
			Mono<PresenceChange> step = switch (event.kind()) {
				case OPEN -> this.scripts.open(event.ref(USER), 1);
				case REGISTER -> this.scripts.register(event.ref(USER), 1, event.registeredAt(), null);
				case CLOSE -> this.scripts.close(event.ref(USER), 1);
			};
			assertThat(step.block(TIMEOUT)).isNotNull();
		}
	}

	private Map<String, SessionEntry> sessions() {
		return this.redis.<String, String>opsForHash()
			.entries(PresenceKeys.sessions(USER))
			.collectMap(Map.Entry::getKey, e -> SessionEntry.fromJson(e.getValue()))
			.block(TIMEOUT);
	}

	private Set<String> online() {
		return members(PresenceKeys.ONLINE);
	}

	private Set<String> members(String key) {
		return this.redis.opsForSet().members(key).collect(Collectors.toCollection(TreeSet::new)).block(TIMEOUT);
	}

	private static <T> List<List<T>> permutations(List<T> items) {
		if (items.isEmpty()) {
			return List.of(List.of());
		}
		List<List<T>> result = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			List<T> rest = new ArrayList<>(items);
			T head = rest.remove(i);
			for (List<T> tail : permutations(rest)) {
				List<T> order = new ArrayList<>();
				order.add(head);
				order.addAll(tail);
				result.add(order);
			}
		}
		return result;
	}

}

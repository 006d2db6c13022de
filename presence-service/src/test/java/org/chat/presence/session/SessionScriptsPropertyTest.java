package org.chat.presence.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.routing.SessionEntry;
import org.chat.presence.session.SessionHistory.Event;
import org.chat.presence.session.SessionHistory.Incarnation;
import org.chat.presence.support.TestRedis;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The epoch rule against a real redis-server: every reordering and duplication of the open/register/close
 * events of two or three sessions of one user ends in the same, correct state.
 */
class SessionScriptsPropertyTest {

	private static final String USER = "alice";

	private static final List<String> GATEWAYS = List.of("gw-a", "gw-b");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final SessionScripts scripts = new SessionScripts(this.redis, Duration.ofHours(1));

	@Property(tries = 400)
	void anyOrderAndDuplicationEndsInTheRuleState(@ForAll("histories") SessionHistory history) {
		assertEndState(history);
	}

	/** All 720 orders of a reconnect: s0 opened, registered, closed (twice); s1 opened and registered. */
	@Example
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

	@Example
	void aLateOpenAfterCloseChangesNothing() {
		SessionHistory history = SessionHistory.of(USER, List.of(List.of(new Incarnation("gw-a", true, 1, true))));
		List<Event> e = history.events();
		apply(history.reordered(List.of(e.get(2), e.get(1), e.get(0))));
		assertThat(sessions()).isEmpty();
		assertThat(online()).isEmpty();
		assertThat(this.redis.opsForValue().get(PresenceKeys.closedSession(USER, "s0")).block(TIMEOUT)).isEqualTo("1");
		assertThat(this.redis.getExpire(PresenceKeys.closedSession(USER, "s0")).block(TIMEOUT)).isPositive();
	}

	@Provide
	Arbitrary<SessionHistory> histories() {
		Arbitrary<Incarnation> incarnation = Combinators.combine(Arbitraries.of(GATEWAYS), Arbitraries.of(true, false),
				Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
			.as(Incarnation::new);
		Arbitrary<List<List<Incarnation>>> sessions = incarnation.list().ofMinSize(1).ofMaxSize(2).list()
			.ofMinSize(2).ofMaxSize(3);
		return sessions.map(s -> SessionHistory.of(USER, s))
			.flatMap(history -> withDuplicates(history.events())
				.flatMap(Arbitraries::shuffle)
				.map(history::reordered));
	}

	private static Arbitrary<List<Event>> withDuplicates(List<Event> events) {
		if (events.isEmpty()) {
			return Arbitraries.just(events);
		}
		return Arbitraries.integers().between(0, events.size() - 1).list().ofMaxSize(4).map(extra -> {
			List<Event> all = new ArrayList<>(events);
			extra.forEach(i -> all.add(events.get(i)));
			return all;
		});
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

package org.chat.presence.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.routing.SessionEntry;

/** Events of one user's sessions and the state the epoch rule says they must end in, whatever their order. */
record SessionHistory(String userId, List<Event> events) {

	enum Kind {

		OPEN, REGISTER, CLOSE

	}

	record Event(Kind kind, String sessionId, long epoch, String gatewayId, long registeredAt) {

		SessionRef ref(String userId) {
			return new SessionRef(userId, this.sessionId, this.gatewayId, this.epoch);
		}

		@Override
		public String toString() {
			return this.kind + "(" + this.sessionId + "@" + this.epoch + "," + this.gatewayId
					+ (this.kind == Kind.REGISTER ? ",t=" + this.registeredAt : "") + ")";
		}

	}

	/** One socket incarnation of a session: its gateway and which of its events happen. */
	record Incarnation(String gatewayId, boolean open, int registers, boolean close) {
	}

	static SessionHistory of(String userId, List<List<Incarnation>> sessions) {
		List<Event> events = new ArrayList<>();
		long epoch = 0;
		for (int s = 0; s < sessions.size(); s++) {
			String sessionId = "s" + s;
			for (Incarnation inc : sessions.get(s)) {
				epoch++;
				if (inc.open()) {
					events.add(new Event(Kind.OPEN, sessionId, epoch, inc.gatewayId(), 0));
				}
				for (int r = 0; r < inc.registers(); r++) {
					events.add(new Event(Kind.REGISTER, sessionId, epoch, inc.gatewayId(), epoch * 1000 + r));
				}
				if (inc.close()) {
					events.add(new Event(Kind.CLOSE, sessionId, epoch, inc.gatewayId(), 0));
				}
			}
		}
		return new SessionHistory(userId, events);
	}

	SessionHistory reordered(List<Event> order) {
		return new SessionHistory(this.userId, order);
	}

	/** sessionId → entry the epoch rule leaves (independent of order and duplicates). */
	Map<String, SessionEntry> expectedSessions() {
		Map<String, List<Event>> bySession = this.events.stream().collect(Collectors.groupingBy(Event::sessionId));
		Map<String, SessionEntry> expected = new TreeMap<>();
		bySession.forEach((sessionId, list) -> {
			long tomb = list.stream().filter(e -> e.kind() == Kind.CLOSE).mapToLong(Event::epoch).max().orElse(-1);
			list.stream()
				.filter(e -> e.kind() != Kind.CLOSE && e.epoch() > tomb)
				.max(Comparator.comparingLong(Event::epoch))
				.ifPresent(newest -> {
					List<Event> registers = list.stream()
						.filter(e -> e.kind() == Kind.REGISTER && e.epoch() == newest.epoch())
						.toList();
					long at = registers.stream().mapToLong(Event::registeredAt).min().orElse(0);
					expected.put(sessionId,
							new SessionEntry(newest.gatewayId(), newest.epoch(), !registers.isEmpty(), at));
				});
		});
		return expected;
	}

	boolean expectedOnline() {
		return expectedSessions().values().stream().anyMatch(SessionEntry::registered);
	}

	/** gatewayId → "userId sessionId" members. */
	Map<String, Set<String>> expectedGatewaySets() {
		Map<String, Set<String>> sets = new HashMap<>();
		expectedSessions().forEach((sessionId, entry) -> sets.computeIfAbsent(entry.gatewayId(), g -> new TreeSet<>())
			.add(this.userId + " " + sessionId));
		return sets;
	}

}

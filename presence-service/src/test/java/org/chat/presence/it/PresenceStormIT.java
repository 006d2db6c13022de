package org.chat.presence.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.Profile;
import org.chat.presence.support.ConsumerLag;
import org.chat.presence.support.PresenceItSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Done when": a reconnect storm. Thousands of open/register/close events for a few hundred users across two
 * gateways, shuffled (a close before its open, an old close after the new open), some duplicated, produced with
 * random pauses. Once the consumer caught up, the online set, every session hash and both gateway sets are
 * exactly what the epoch rule says.
 */
class PresenceStormIT extends PresenceItSupport {

	private static final int USERS = 300;

	@Test
	void theFinalOnlineSetIsExactAfterAReconnectStorm() throws InterruptedException {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<String> gateways = List.of(unique("gw-storm-a"), unique("gw-storm-b"));
		this.redis.execute(connection -> connection.serverCommands().flushDb()).blockLast(REDIS_TIMEOUT);
		gateways.forEach(gateway -> gatewayAlive(gateway, Duration.ofMinutes(30)));

		List<Envelope> events = new ArrayList<>();
		Set<String> expectedOnline = new TreeSet<>();
		Map<String, Set<String>> expectedSessions = new TreeMap<>();
		Map<String, Set<String>> expectedGatewaySets = new HashMap<>();
		for (int u = 0; u < USERS; u++) {
			String user = "storm-" + u;
			int sockets = 2 + random.nextInt(7);
			for (int epoch = 1; epoch <= sockets; epoch++) {
				String session = "sock-" + epoch;
				String gateway = gateways.get(random.nextInt(2));
				boolean registers = random.nextDouble() < 0.8;
				boolean closes = random.nextDouble() < (epoch == sockets ? 0.5 : 0.95);
				events.add(envelope(EventType.SESSION_OPENED, user, session, gateway, epoch, null));
				if (registers) {
					events.add(envelope(EventType.SESSION_REGISTERED, user, session, gateway, epoch,
							new Profile("User " + u, null, null)));
				}
				if (closes) {
					events.add(envelope(EventType.SESSION_CLOSED, user, session, gateway, epoch, null));
				}
				else {
					expectedSessions.computeIfAbsent(user, k -> new TreeSet<>()).add(session);
					expectedGatewaySets.computeIfAbsent(gateway, k -> new TreeSet<>()).add(user + " " + session);
					if (registers) {
						expectedOnline.add(user);
					}
				}
			}
		}
		int distinct = events.size();
		for (int i = 0; i < distinct / 10; i++) { // redeliveries
			events.add(events.get(random.nextInt(distinct)));
		}
		Collections.shuffle(events, random);

		long started = System.nanoTime();
		for (int i = 0; i < events.size(); i++) {
			produceAsync(events.get(i));
			if (i % 100 == 99) {
				flushProducer();
				Thread.sleep(random.nextInt(20)); // random delays between bursts
			}
		}
		flushProducer();
		long produced = System.nanoTime();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> ConsumerLag.ofPresenceService() == 0);
		long applied = System.nanoTime();

		System.out.printf("[PresenceStormIT] seed=%d users=%d events=%d (distinct %d) produced in %d ms; all applied "
				+ "%d ms after the first record (%d ms after the last); online at the end: %d of %d%n", seed, USERS,
				events.size(), distinct, (produced - started) / 1_000_000, (applied - started) / 1_000_000,
				(applied - produced) / 1_000_000, expectedOnline.size(), USERS);

		assertThat(members(PresenceKeys.ONLINE)).as("online set (seed %d)", seed).isEqualTo(expectedOnline);
		for (int u = 0; u < USERS; u++) {
			String user = "storm-" + u;
			assertThat(sessions(user).keySet()).as("sessions of %s (seed %d)", user, seed)
				.isEqualTo(expectedSessions.getOrDefault(user, Set.of()));
		}
		for (String gateway : gateways) {
			assertThat(members(PresenceKeys.gatewaySessions(gateway))).as("sessions on %s", gateway)
				.isEqualTo(expectedGatewaySets.getOrDefault(gateway, Set.of()));
		}
	}

}

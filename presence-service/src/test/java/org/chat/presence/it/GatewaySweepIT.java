package org.chat.presence.it;

import java.time.Duration;
import java.util.Set;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.EventType;
import org.chat.presence.support.PresenceItSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gateway that stops refreshing its alive key loses its sessions; users with none left go offline. */
class GatewaySweepIT extends PresenceItSupport {

	private static final Duration ALIVE_TTL = Duration.ofSeconds(1);

	@Test
	void theSessionsOfACrashedGatewayAreSweptWithinAliveTtlPlusSweepInterval() {
		String crashing = unique("gw-crash");
		String healthy = unique("gw-ok");
		gatewayAlive(crashing, Duration.ofMinutes(10));
		gatewayAlive(healthy, Duration.ofMinutes(10));
		String onlyOnCrashed = unique("frank");
		String onBoth = unique("grace");
		String onlyOnHealthy = unique("heidi");
		produce(envelope(EventType.SESSION_REGISTERED, onlyOnCrashed, "s1", crashing, 1, null));
		produce(envelope(EventType.SESSION_OPENED, onlyOnCrashed, "s2", crashing, 2, null));
		produce(envelope(EventType.SESSION_REGISTERED, onBoth, "s1", crashing, 1, null));
		produce(envelope(EventType.SESSION_REGISTERED, onBoth, "s2", healthy, 2, null));
		produce(envelope(EventType.SESSION_REGISTERED, onlyOnHealthy, "s1", healthy, 1, null));
		await().atMost(WAIT)
			.until(() -> isOnline(onlyOnCrashed) && isOnline(onBoth) && isOnline(onlyOnHealthy)
					&& sessions(onlyOnCrashed).size() == 2);

		// the crash: the gateway stops refreshing; its key now expires after ALIVE_TTL
		gatewayAlive(crashing, ALIVE_TTL);
		long crashedAt = System.nanoTime();
		await().atMost(WAIT).until(() -> !isOnline(onlyOnCrashed));
		Duration detection = Duration.ofNanos(System.nanoTime() - crashedAt);
		System.out.printf("[GatewaySweepIT] crash detected and swept in %d ms (bound: alive TTL %d ms + sweep %d ms)%n",
				detection.toMillis(), ALIVE_TTL.toMillis(), SWEEP_INTERVAL.toMillis());

		assertThat(sessions(onlyOnCrashed)).isEmpty();
		assertThat(profileField(onlyOnCrashed, "lastSeenAt")).isNotNull();
		assertThat(sessions(onBoth).keySet()).containsExactly("s2");
		assertThat(isOnline(onBoth)).isTrue();
		assertThat(isOnline(onlyOnHealthy)).isTrue();
		await().atMost(WAIT).until(() -> !members(PresenceKeys.GATEWAYS).contains(crashing));
		assertThat(members(PresenceKeys.gatewaySessions(crashing))).isEmpty();
		assertThat(members(PresenceKeys.gatewaySessions(healthy))).isEqualTo(Set.of(onBoth + " s2", onlyOnHealthy + " s1"));
		// loaded CI machines stretch every step; the bound itself is TTL + interval (+ processing)
		assertThat(detection).isLessThan(ALIVE_TTL.plus(SWEEP_INTERVAL).plusSeconds(10));
	}

	@Test
	void aGatewayThatRefreshesItsKeyIsNeverSwept() throws InterruptedException {
		String gateway = unique("gw-live");
		gatewayAlive(gateway, Duration.ofMinutes(10));
		String ivan = unique("ivan");
		produce(envelope(EventType.SESSION_REGISTERED, ivan, "s1", gateway, 1, null));
		await().atMost(WAIT).until(() -> isOnline(ivan));
		for (int i = 0; i < 4; i++) { // several sweep intervals pass
			gatewayAlive(gateway, ALIVE_TTL);
			Thread.sleep(SWEEP_INTERVAL.toMillis());
		}
		assertThat(isOnline(ivan)).isTrue();
		assertThat(sessions(ivan)).containsKey("s1");
	}

}

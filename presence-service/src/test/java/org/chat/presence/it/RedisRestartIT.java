package org.chat.presence.it;

import java.time.Duration;

import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.Profile;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.routing.SessionEntry;
import org.chat.presence.support.PresenceItSupport;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis restarts empty: the gateways are asked to re-announce, and presence converges to what they hold. */
class RedisRestartIT extends PresenceItSupport {

	@Test
	void aRedisThatLostItsDataGetsTheSessionsReannounced() {
		String gateway = unique("gw-r");
		gatewayAlive(gateway, Duration.ofMinutes(10));
		String user = unique("liz");
		produce(envelope(EventType.SESSION_REGISTERED, user, "s1", gateway, 4, new Profile("Liz", null, null)));
		await().atMost(WAIT).until(() -> isOnline(user));
		SessionEntry before = sessions(user).get("s1");
		int mark = fanout.mark();

		TestInfra.get().restartRedis(true);

		GatewayMessage reannounce = fanout.awaitOn(Channels.ALL, mark, WAIT,
				m -> m.kind() == GatewayMessage.Kind.REANNOUNCE);
		assertThat(reannounce).isEqualTo(GatewayMessage.reannounce());
		assertThat(isOnline(user)).isFalse();
		assertThat(this.redis.hasKey(PresenceKeys.BOOT_MARKER).block(REDIS_TIMEOUT)).isTrue();

		// what the gateway does on REANNOUNCE: refresh its key, re-send its live sockets with their epochs
		gatewayAlive(gateway, Duration.ofMinutes(10));
		produce(envelope(EventType.SESSION_OPENED, user, "s1", gateway, 4, null));
		produce(envelope(EventType.SESSION_REGISTERED, user, "s1", gateway, 4, new Profile("Liz", null, null)));
		await().atMost(WAIT).until(() -> isOnline(user));
		SessionEntry after = sessions(user).get("s1");
		assertThat(after.gatewayId()).isEqualTo(before.gatewayId());
		assertThat(after.epoch()).isEqualTo(before.epoch());
		assertThat(after.registered()).isTrue();
		assertThat(profileField(user, "name")).isEqualTo("Liz");
		assertThat(members(PresenceKeys.gatewaySessions(gateway))).containsExactly(user + " s1");
	}

}

package org.chat.gateway.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.testsupport.redis.TestRedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway re-announces its sessions when presence's boot marker changes, whether or not it heard presence's
 * REANNOUNCE: here no subscriber exists at all, as for a gateway still re-subscribing after a Redis restart.
 */
class GatewayLivenessIT {

	/** A database of its own: the boot marker is one key per database. */
	private static final int DATABASE = 8;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static TestRedisClient client;

	private static ReactiveStringRedisTemplate redis;

	/** Whether the alive key existed at each re-announce: it must be written first, else the sweeper drops them. */
	private final List<Boolean> aliveAtAnnounce = new ArrayList<>();

	private final GatewayLiveness liveness = new GatewayLiveness(redis, "gw-1", Duration.ofSeconds(15),
			Duration.ofHours(1), TIMEOUT, () -> this.aliveAtAnnounce
				.add(redis.hasKey(PresenceKeys.gatewayAlive("gw-1")).block(TIMEOUT)));

	@BeforeAll
	static void connect() {
		client = TestRedisClient.open(DATABASE);
		redis = client.template();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@BeforeEach
	void emptyDatabase() {
		redis.execute(connection -> connection.serverCommands().flushDb()).blockLast(TIMEOUT);
	}

	@Test
	void aNewBootMarkerIsAnnouncedOnceAfterTheAliveKeyIsWritten() {
		marker("presence-a 1");
		refresh();
		assertThat(this.aliveAtAnnounce).as("the first marker read is the baseline").isEmpty();
		refresh();
		assertThat(this.aliveAtAnnounce).as("same marker").isEmpty();

		// Redis lost its data; presence marked it anew (a REANNOUNCE published now reached nobody)
		redis.execute(connection -> connection.serverCommands().flushDb()).blockLast(TIMEOUT);
		marker("presence-a 2");
		refresh();
		assertThat(this.aliveAtAnnounce).containsExactly(true);
		assertThat(redis.opsForSet().isMember(PresenceKeys.GATEWAYS, "gw-1").block(TIMEOUT)).isTrue();
		refresh();
		assertThat(this.aliveAtAnnounce).as("announced once per new marker").hasSize(1);
	}

	@Test
	void aRefreshThatSawTheMarkerMissingAnnouncesOncePresenceSetsIt() {
		marker("presence-a 1");
		refresh();
		redis.delete(PresenceKeys.BOOT_MARKER).block(TIMEOUT);
		refresh();
		assertThat(this.aliveAtAnnounce).as("nothing to announce to until presence marks Redis").isEmpty();
		marker("presence-b 1");
		refresh();
		assertThat(this.aliveAtAnnounce).containsExactly(true);
	}

	private void marker(String value) {
		redis.opsForValue().set(PresenceKeys.BOOT_MARKER, value).block(TIMEOUT);
	}

	private void refresh() {
		this.liveness.refreshOnce().block(TIMEOUT);
	}

}

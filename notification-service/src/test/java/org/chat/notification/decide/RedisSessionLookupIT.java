package org.chat.notification.decide;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.routing.SessionEntry;
import org.chat.testsupport.redis.TestRedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The decider's session lookup against the presence-service's keys on a real Redis. */
class RedisSessionLookupIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static TestRedisClient client;

	private static ReactiveStringRedisTemplate redis;

	private final String run = UUID.randomUUID() + "-";

	@BeforeAll
	static void connect() {
		client = TestRedisClient.open();
		redis = client.template();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void onlyUsersWithASessionLeftAreReturnedFromOneCallForAll() {
		open("alice", "s1");
		open("alice", "s2");
		open("bob", "s3");
		open("dave", "s4");
		redis.opsForHash().remove(PresenceKeys.sessions(this.run + "dave"), "s4").block(TIMEOUT); // dave closed his last

		assertThat(new RedisSessionLookup(redis)
			.withSessions(List.of(this.run + "alice", this.run + "bob", this.run + "carol", this.run + "dave",
					this.run + "alice"))
			.block(TIMEOUT)).containsExactlyInAnyOrder(this.run + "alice", this.run + "bob");
	}

	private void open(String user, String session) {
		redis.opsForHash()
			.put(PresenceKeys.sessions(this.run + user), session, new SessionEntry("gw-1", 1, true, 0).toJson())
			.block(TIMEOUT);
	}

}

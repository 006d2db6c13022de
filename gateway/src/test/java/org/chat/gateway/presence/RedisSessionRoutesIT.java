package org.chat.gateway.presence;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.SessionRef;
import org.chat.gateway.session.ChatSession;
import org.chat.testsupport.redis.TestRedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveHashOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The first sync's wait for presence to make the session routable, on a real Redis. */
class RedisSessionRoutesIT {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private static TestRedisClient client;

	private static ReactiveStringRedisTemplate redis;

	private final String user = "u-" + UUID.randomUUID();

	private final ChatSession session = new ChatSession(null, new SessionRef(this.user, "s1", "gw-1", 3), null);

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
	void completesOnlyOncePresenceHasWrittenTheSessionsField() {
		RedisSessionRoutes routes = new RedisSessionRoutes(redis, Duration.ofSeconds(30));

		StepVerifier.create(routes.awaitRoutable(this.session))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.then(() -> redis.opsForHash().put(PresenceKeys.sessions(this.user), "s1", "{}").block(VERIFY))
			.expectComplete()
			.verify(VERIFY);
		assertThat(this.session.routable()).isTrue();
	}

	@Test
	void presencesNoticeEndsTheWaitWithoutTheFieldBeingFound() {
		RedisSessionRoutes routes = new RedisSessionRoutes(redis, Duration.ofSeconds(30));

		StepVerifier.create(routes.awaitRoutable(this.session))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.then(this.session::markRoutable) // what the gateway does on a ROUTABLE message
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void anotherSessionOfTheUserDoesNotCount() {
		redis.opsForHash().put(PresenceKeys.sessions(this.user), "s0", "{}").block(VERIFY);
		RedisSessionRoutes routes = new RedisSessionRoutes(redis, Duration.ofMillis(400));

		StepVerifier.create(routes.awaitRoutable(this.session)).expectComplete().verify(VERIFY);
		assertThat(this.session.routable()).as("gave up after the wait, not routable").isFalse();
	}

	@Test
	void aRoutableSessionAsksRedisNoMore() {
		AtomicInteger hashReads = new AtomicInteger();
		ReactiveStringRedisTemplate counting = new ReactiveStringRedisTemplate(client.connectionFactory()) {
			@Override
			public <HK, HV> ReactiveHashOperations<String, HK, HV> opsForHash() {
				hashReads.incrementAndGet();
				return super.opsForHash();
			}
		};
		this.session.markRoutable();

		StepVerifier.create(new RedisSessionRoutes(counting, Duration.ofSeconds(30)).awaitRoutable(this.session))
			.expectComplete()
			.verify(VERIFY);
		assertThat(hashReads).hasValue(0);
	}

}

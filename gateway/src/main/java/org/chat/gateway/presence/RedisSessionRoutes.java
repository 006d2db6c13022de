package org.chat.gateway.presence;

import java.time.Duration;

import org.chat.contracts.PresenceKeys;
import org.chat.gateway.session.ChatSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * {@link SessionRoutes} on the routing hash: whichever comes first of presence-service's {@code ROUTABLE} notice
 * (which marks the session) and an {@code HEXISTS} that finds the field. The notice is at-most-once, so the polls
 * stay: they also cover a presence-service that sends none.
 */
public class RedisSessionRoutes implements SessionRoutes {

	private static final Logger log = LoggerFactory.getLogger(RedisSessionRoutes.class);

	private static final long FIRST_POLL_MILLIS = 5;

	/** The polls back off (5, 10, 20 … ms) so a reconnect storm behind a lagging presence does not flood Redis. */
	private static final long LONGEST_POLL_MILLIS = 200;

	private final ReactiveStringRedisTemplate redis;

	private final Duration wait;

	/** @param wait longest a first sync is held; then it goes ahead (presence lagging: only live delivery may gap) */
	public RedisSessionRoutes(ReactiveStringRedisTemplate redis, Duration wait) {
		this.redis = redis;
		this.wait = wait;
	}

	@Override
	public Mono<Void> awaitRoutable(ChatSession session) {
		if (session.routable()) {
			return Mono.empty();
		}
		Mono<Boolean> polled = Mono
			.defer(() -> this.redis.opsForHash().hasKey(PresenceKeys.sessions(session.userId()), session.id()))
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(Duration
				.ofMillis(Math.min(LONGEST_POLL_MILLIS, FIRST_POLL_MILLIS << Math.min(attempt, 10))))))
			.doOnNext(routable -> session.markRoutable())
			.onErrorResume(ex -> {
				// Redis failing: waiting longer would not make the session routable sooner
				log.debug("Sync of session {} goes ahead before it is known routable: {}", session.id(), ex.toString());
				return Mono.just(false);
			});
		Mono<Boolean> notified = Mono.fromFuture(session.whenRoutable(), true).thenReturn(true);
		return Mono.firstWithValue(notified, polled)
			.timeout(this.wait, Mono.fromRunnable(
					() -> log.debug("Sync of session {} goes ahead after {} without a route", session.id(), this.wait)))
			.then();
	}

}

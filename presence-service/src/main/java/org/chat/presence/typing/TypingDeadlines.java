package org.chat.presence.typing;

import java.time.Duration;
import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.presence.session.LuaScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When an unrenewed isTyping:true expires: a sorted set of "from to" scored by its deadline. Expired members
 * are popped by one script, so with several instances each expiry is reported exactly once.
 */
public class TypingDeadlines {

	private static final int MAX_PER_POLL = 500;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> due = LuaScripts.load("typing-due.lua", List.class);

	private final ReactiveStringRedisTemplate redis;

	private final Duration timeout;

	public TypingDeadlines(ReactiveStringRedisTemplate redis, Duration timeout) {
		this.redis = redis;
		this.timeout = timeout;
	}

	/** Arms the expiry at {@code startedAt} + timeout (the same deadline however often the event is delivered). */
	public Mono<Boolean> renew(String fromUserId, String toUserId, long startedAt) {
		return this.redis.opsForZSet()
			.add(PresenceKeys.TYPING_DEADLINES, member(fromUserId, toUserId), startedAt + this.timeout.toMillis())
			.thenReturn(true);
	}

	/** True if an isTyping:true sent at {@code startedAt} has already expired at {@code now}. */
	public boolean expired(long startedAt, long now) {
		return startedAt + this.timeout.toMillis() <= now;
	}

	public Mono<Long> clear(String fromUserId, String toUserId) {
		return this.redis.opsForZSet().remove(PresenceKeys.TYPING_DEADLINES, member(fromUserId, toUserId));
	}

	/** Pops the pairs whose deadline passed: [fromUserId, toUserId] each. */
	public Flux<String[]> popExpired(long now) {
		return this.redis.execute(this.due, List.of(PresenceKeys.TYPING_DEADLINES),
				List.of(Long.toString(now), Integer.toString(MAX_PER_POLL)))
			.flatMapIterable(list -> list)
			.map(member -> member.toString().split(" ", 2));
	}

	private static String member(String fromUserId, String toUserId) {
		return fromUserId + " " + toUserId;
	}

}

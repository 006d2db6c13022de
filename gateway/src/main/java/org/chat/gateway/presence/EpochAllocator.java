package org.chat.gateway.presence;

import java.time.Duration;

import org.chat.contracts.PresenceKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/** A new socket's epoch: {@code INCR presence:epoch:{userId}} (the epoch rule of docs/ARCHITECTURE.md). */
public class EpochAllocator {

	private final ReactiveStringRedisTemplate redis;

	private final Duration timeout;

	public EpochAllocator(ReactiveStringRedisTemplate redis, Duration timeout) {
		this.redis = redis;
		this.timeout = timeout;
	}

	public Mono<Long> next(String userId) {
		return this.redis.opsForValue().increment(PresenceKeys.epoch(userId)).timeout(this.timeout);
	}

}

package org.chat.presence.metrics;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.chat.contracts.PresenceKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * {@code chat_presence_online_users}: the size of the online set, refreshed by a periodic SCARD (O(1)) so a
 * scrape never touches Redis. Every instance reports the same cluster-wide value: aggregate with max, not sum.
 */
public class OnlineUsersGauge {

	private final ReactiveStringRedisTemplate redis;

	private final AtomicLong online = new AtomicLong();

	public OnlineUsersGauge(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
		this.redis = redis;
		Gauge.builder("chat.presence.online.users", this.online, AtomicLong::get)
			.description("users with at least one session (SCARD of the online set, as of the last refresh)")
			.register(meters);
	}

	/** @return the new value */
	public Mono<Long> refresh() {
		return this.redis.opsForSet().size(PresenceKeys.ONLINE).doOnNext(this.online::set);
	}

}

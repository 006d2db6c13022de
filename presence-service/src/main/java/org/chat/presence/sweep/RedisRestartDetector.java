package org.chat.presence.sweep;

import java.util.concurrent.atomic.AtomicInteger;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.fanout.GatewayPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Detects a Redis that lost its data (the boot marker is gone) and asks every gateway to re-announce its live
 * sessions. SET NX makes one instance the announcer. Pub/sub is at-most-once and gateways may still be
 * re-subscribing after the restart, so a re-announce that reached no subscriber is repeated on the next checks.
 */
public class RedisRestartDetector {

	private static final Logger log = LoggerFactory.getLogger(RedisRestartDetector.class);

	private final ReactiveStringRedisTemplate redis;

	private final GatewayPublisher publisher;

	private final String instanceId;

	private final int attempts;

	private final AtomicInteger retriesLeft = new AtomicInteger();

	public RedisRestartDetector(ReactiveStringRedisTemplate redis, GatewayPublisher publisher, String instanceId,
			int attempts) {
		this.redis = redis;
		this.publisher = publisher;
		this.instanceId = instanceId;
		this.attempts = attempts;
	}

	/** One check: @return true if REANNOUNCE was published. */
	public Mono<Boolean> check() {
		return this.redis.opsForValue()
			.setIfAbsent(PresenceKeys.BOOT_MARKER, this.instanceId)
			.defaultIfEmpty(false)
			.flatMap(markerWasMissing -> {
				if (markerWasMissing) {
					log.warn("Redis holds no presence (boot marker missing: first start or data lost); "
							+ "asking gateways to re-announce their sessions");
					this.retriesLeft.set(this.attempts);
					return reannounce();
				}
				if (this.retriesLeft.get() > 0) {
					this.retriesLeft.decrementAndGet();
					return reannounce();
				}
				return Mono.just(false);
			});
	}

	private Mono<Boolean> reannounce() {
		return this.publisher.toAll(GatewayMessage.reannounce()).map(receivers -> {
			if (receivers > 0) {
				this.retriesLeft.set(0);
			}
			return true;
		});
	}

}

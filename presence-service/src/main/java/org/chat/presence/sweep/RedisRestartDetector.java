package org.chat.presence.sweep;

import java.time.Clock;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.fanout.GatewayPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Detects a Redis that lost its data (the boot marker is gone), marks it anew and publishes REANNOUNCE. SET NX
 * makes one instance the announcer. Each marker value is new (instance and time): every gateway compares the
 * marker on each liveness refresh and re-announces its sessions when it changed, so a gateway that missed the
 * publish (pub/sub is at-most-once; it may still be re-subscribing after the restart) re-announces on its next
 * refresh. The publish only saves those that hear it that wait.
 */
public class RedisRestartDetector {

	private static final Logger log = LoggerFactory.getLogger(RedisRestartDetector.class);

	private final ReactiveStringRedisTemplate redis;

	private final GatewayPublisher publisher;

	private final String instanceId;

	private final Clock clock;

	public RedisRestartDetector(ReactiveStringRedisTemplate redis, GatewayPublisher publisher, String instanceId,
			Clock clock) {
		this.redis = redis;
		this.publisher = publisher;
		this.instanceId = instanceId;
		this.clock = clock;
	}

	/** One check: @return true if the marker was missing (and REANNOUNCE was published). */
	public Mono<Boolean> check() {
		return this.redis.opsForValue()
			.setIfAbsent(PresenceKeys.BOOT_MARKER, this.instanceId + " " + this.clock.instant())
			.defaultIfEmpty(false)
			.flatMap(markerWasMissing -> {
				if (!markerWasMissing) {
					return Mono.just(false);
				}
				log.warn("Redis holds no presence (boot marker missing: first start or data lost); "
						+ "asking gateways to re-announce their sessions");
				return this.publisher.toAll(GatewayMessage.reannounce()).thenReturn(true);
			});
	}

}

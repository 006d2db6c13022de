package org.chat.gateway.presence;

import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.chassis.periodic.PeriodicTask;
import org.chat.contracts.PresenceKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps {@code gateway:alive:{id}} alive while this gateway runs (a crashed gateway's key expires and the
 * presence-service sweeps its sessions) and lists the gateway in {@code presence:gateways}. The refresh runs at
 * once and then every {@code refresh}; the gateway's lifecycle starts and stops it, so the key is deleted only
 * after the sessions are closed.
 */
public class GatewayLiveness {

	private static final Log log = LogFactory.getLog(GatewayLiveness.class);

	private final ReactiveStringRedisTemplate redis;

	private final String gatewayId;

	private final Duration ttl;

	private final Duration timeout;

	private final PeriodicTask refresher;

	public GatewayLiveness(ReactiveStringRedisTemplate redis, String gatewayId, Duration ttl, Duration refresh,
			Duration timeout) {
		this.redis = redis;
		this.gatewayId = gatewayId;
		this.ttl = ttl;
		this.timeout = timeout;
		this.refresher = new PeriodicTask("gateway liveness refresh", Duration.ZERO, refresh, this::refreshOnce,
				Schedulers.parallel());
	}

	public void start() {
		this.refresher.start();
	}

	/** SET the TTL key and SADD the gateway set. */
	public Mono<Void> refreshOnce() {
		String key = PresenceKeys.gatewayAlive(this.gatewayId);
		return this.redis.opsForValue()
			.set(key, Instant.now().toString(), this.ttl)
			.then(this.redis.opsForSet().add(PresenceKeys.GATEWAYS, this.gatewayId))
			.timeout(this.timeout)
			.then();
	}

	/** Stops refreshing and deletes the key: this gateway is gone on purpose. */
	public void stop() {
		this.refresher.stop();
		this.redis.delete(PresenceKeys.gatewayAlive(this.gatewayId))
			.timeout(this.timeout)
			.onErrorResume(ex -> {
				log.warn("could not delete the liveness key; it expires in " + this.ttl + ": " + ex.getMessage());
				return Mono.empty();
			})
			.block();
	}

}

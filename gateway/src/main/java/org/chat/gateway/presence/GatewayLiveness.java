package org.chat.gateway.presence;

import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.contracts.PresenceKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code gateway:alive:{id}} alive while this gateway runs (a crashed gateway's key expires and the
 * presence-service sweeps its sessions) and lists the gateway in {@code presence:gateways}.
 */
public class GatewayLiveness {

	private static final Log log = LogFactory.getLog(GatewayLiveness.class);

	private final ReactiveStringRedisTemplate redis;

	private final String gatewayId;

	private final Duration ttl;

	private final Duration refresh;

	private final Duration timeout;

	private volatile Disposable refresher;

	public GatewayLiveness(ReactiveStringRedisTemplate redis, String gatewayId, Duration ttl, Duration refresh,
			Duration timeout) {
		this.redis = redis;
		this.gatewayId = gatewayId;
		this.ttl = ttl;
		this.refresh = refresh;
		this.timeout = timeout;
	}

	public void start() {
		this.refresher = Flux.interval(Duration.ZERO, this.refresh)
			.onBackpressureDrop()
			.concatMap(tick -> refreshOnce().onErrorResume(ex -> {
				log.warn("gateway liveness refresh failed (Redis down?): " + ex.getMessage());
				return Mono.empty();
			}))
			.subscribe();
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
		Disposable current = this.refresher;
		if (current != null) {
			current.dispose();
		}
		this.redis.delete(PresenceKeys.gatewayAlive(this.gatewayId))
			.timeout(this.timeout)
			.onErrorResume(ex -> {
				log.warn("could not delete the liveness key; it expires in " + this.ttl + ": " + ex.getMessage());
				return Mono.empty();
			})
			.block();
	}

}

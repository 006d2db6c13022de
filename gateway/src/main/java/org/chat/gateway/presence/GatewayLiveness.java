package org.chat.gateway.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>
 * Each refresh also reads presence's boot marker. A value other than the one the last refresh read means Redis
 * lost presence's data and presence marked it anew, so the gateway re-announces its sessions, after its alive key
 * is written (else the sweeper would take them for a dead gateway's). Presence also publishes REANNOUNCE, which
 * only makes a refresh run at once; the refresh is what a gateway that missed that publish (pub/sub is
 * at-most-once, and it may still be re-subscribing after the restart) relies on.
 */
public class GatewayLiveness {

	private static final Log log = LogFactory.getLog(GatewayLiveness.class);

	private static final String NOT_READ = "\0not read";

	private final ReactiveStringRedisTemplate redis;

	private final String gatewayId;

	private final Duration ttl;

	private final Duration timeout;

	private final Runnable announceSessions;

	private final PeriodicTask refresher;

	/** The boot marker the last refresh read ({@link #NOT_READ} before the first, "" while it was missing). */
	private final AtomicReference<String> lastMarker = new AtomicReference<>(NOT_READ);

	/** @param announceSessions re-announces the local sessions ({@link SessionAnnouncer}) */
	public GatewayLiveness(ReactiveStringRedisTemplate redis, String gatewayId, Duration ttl, Duration refresh,
			Duration timeout, Runnable announceSessions) {
		this.redis = redis;
		this.gatewayId = gatewayId;
		this.ttl = ttl;
		this.timeout = timeout;
		this.announceSessions = announceSessions;
		this.refresher = new PeriodicTask("gateway liveness refresh", Duration.ZERO, refresh, this::refreshOnce,
				Schedulers.parallel());
	}

	public void start() {
		this.refresher.start();
	}

	/** SET the TTL key, SADD the gateway set, then GET the boot marker and re-announce if it is a new one. */
	public Mono<Void> refreshOnce() {
		String key = PresenceKeys.gatewayAlive(this.gatewayId);
		return this.redis.opsForValue()
			.set(key, Instant.now().toString(), this.ttl)
			.then(this.redis.opsForSet().add(PresenceKeys.GATEWAYS, this.gatewayId))
			.then(this.redis.opsForValue().get(PresenceKeys.BOOT_MARKER).defaultIfEmpty(""))
			.timeout(this.timeout)
			// off Redis's event loop: a re-announce produces one record per local session
			.publishOn(Schedulers.boundedElastic())
			.doOnNext(this::markerRead)
			.then();
	}

	/** getAndSet: of two refreshes reading the same new marker at once, one announces. */
	private void markerRead(String marker) {
		String previous = this.lastMarker.getAndSet(marker);
		if (!marker.isEmpty() && !previous.equals(NOT_READ) && !Objects.equals(previous, marker)) {
			log.warn("presence's boot marker changed (Redis lost its data); re-announcing this gateway's sessions");
			this.announceSessions.run();
		}
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

package org.chat.gateway.lifecycle;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This gateway's identity and timers.
 *
 * @param id gateway id in channel {@code chat:gw:{id}} and key {@code gateway:alive:{id}}; default
 * {@code <hostname>-<random>}, unique per process
 * @param aliveTtl TTL of the liveness key: how long after a crash its sessions are swept
 * @param aliveRefresh how often the liveness key is refreshed (less than aliveTtl)
 * @param replyTimeout how long a query's ack waits for the service's REPLY before {@code unavailable}
 * @param redisTimeout bound on each Redis command of the gateway (epoch INCR, liveness)
 * @param shutdownTimeout bound on flushing the producer at shutdown
 * @param routableWait longest a socket's first {@code sync_messages} waits for its session to be routable
 */
@Validated
@ConfigurationProperties("chat.gateway")
public record GatewayProperties(@Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String id,
		@NotNull @DefaultValue("15s") Duration aliveTtl, @NotNull @DefaultValue("5s") Duration aliveRefresh,
		@NotNull @DefaultValue("10s") Duration replyTimeout, @NotNull @DefaultValue("2s") Duration redisTimeout,
		@NotNull @DefaultValue("10s") Duration shutdownTimeout, @NotNull @DefaultValue("2s") Duration routableWait) {

	@AssertTrue(message = "aliveRefresh must be shorter than aliveTtl")
	public boolean isRefreshShorterThanTtl() {
		return this.aliveTtl == null || this.aliveRefresh == null || this.aliveRefresh.compareTo(this.aliveTtl) < 0;
	}

}

package org.chat.presence.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.chat.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code chat.presence}.
 *
 * @param partitions partitions of chat.presence when this service creates it (bounds scale-out)
 * @param replicationFactor replication factor of chat.presence when this service creates it
 * @param tombstoneTtl how long a closed session is remembered; a later open/register of it is ignored
 * @param sweep crashed-gateway sweeping
 * @param redisCheckInterval how often the boot marker is checked (Redis lost its data → re-announce)
 * @param userList user_list broadcasting
 * @param typing typing indicator expiry
 */
@Validated
@ConfigurationProperties("chat.presence")
public record PresenceProperties(@DefaultValue("" + Topics.DEFAULT_PARTITIONS) @Min(1) int partitions,
		@DefaultValue("1") @Min(1) @Max(32767) int replicationFactor, @DefaultValue("6h") @NotNull Duration tombstoneTtl,
		@DefaultValue @Valid Sweep sweep,
		@DefaultValue("2s") @NotNull Duration redisCheckInterval, @DefaultValue @Valid UserList userList,
		@DefaultValue @Valid Typing typing) {

	@AssertTrue(message = "tombstone-ttl and redis-check-interval must be positive")
	public boolean isDurationsPositive() {
		return positive(this.tombstoneTtl) && positive(this.redisCheckInterval);
	}

	static boolean positive(Duration duration) {
		return duration == null || (!duration.isNegative() && !duration.isZero());
	}

	/** @param interval time between two sweeps; detection of a crash takes at most alive TTL + interval */
	public record Sweep(@DefaultValue("5s") @NotNull Duration interval) {

		@AssertTrue(message = "sweep.interval must be positive")
		public boolean isIntervalPositive() {
			return positive(this.interval);
		}

	}

	/**
	 * @param window at most one user_list broadcast per window across all instances
	 * @param cap most users in one user_list
	 * @param clientBandwidth most user_list bytes per client and second: a larger list stretches its window
	 * @param gatewayBandwidth most user_list bytes per second the busiest gateway writes (list × its sockets): a
	 * gateway with many sockets stretches the window further
	 */
	public record UserList(@DefaultValue("250ms") @NotNull Duration window,
			@DefaultValue("1000") @Min(1) @Max(100000) int cap, @DefaultValue("8KB") @NotNull DataSize clientBandwidth,
			@DefaultValue("16MB") @NotNull DataSize gatewayBandwidth) {

		@AssertTrue(message = "user-list.window, user-list.client-bandwidth and user-list.gateway-bandwidth must be positive")
		public boolean isWindowPositive() {
			return positive(this.window) && (this.clientBandwidth == null || this.clientBandwidth.toBytes() > 0)
					&& (this.gatewayBandwidth == null || this.gatewayBandwidth.toBytes() > 0);
		}

	}

	/**
	 * @param timeout an isTyping:true not renewed within it becomes isTyping:false
	 * @param pollInterval how often expired typing deadlines are collected
	 */
	public record Typing(@DefaultValue("5s") @NotNull Duration timeout,
			@DefaultValue("500ms") @NotNull Duration pollInterval) {

		@AssertTrue(message = "typing.timeout and typing.poll-interval must be positive")
		public boolean isDurationsPositive() {
			return positive(this.timeout) && positive(this.pollInterval);
		}

	}

}

package org.chat.chassis.kafka;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chat.kafka.consumer.*}: the batch consumer of every consuming service, on top of Boot's
 * {@code spring.kafka.*} (bootstrap servers, security, fetch sizes).
 *
 * @param maxRecords records per poll, i.e. the largest batch
 * @param concurrency consumer threads per instance (each owns some partitions)
 * @param batchTimeout longest one batch may take before it is failed and retried
 * @param retryBackoff pause before a failed batch (store down) is retried; retries never stop, nothing is skipped
 * @param sessionTimeout how long a member may stay silent before the group takes its partitions: bounds the stall
 * after a crash (Kafka's default is 45 s; the broker's minimum 6 s)
 * @param heartbeatInterval how often the member tells the group it lives (at most a third of the session timeout)
 */
@Validated
@ConfigurationProperties("chat.kafka.consumer")
public record ConsumerProperties(@DefaultValue("500") @Min(1) @Max(10000) int maxRecords,
		@DefaultValue("1") @Min(1) int concurrency, @NotNull @DefaultValue("30s") Duration batchTimeout,
		@NotNull @DefaultValue("1s") Duration retryBackoff, @NotNull @DefaultValue("10s") Duration sessionTimeout,
		@NotNull @DefaultValue("3s") Duration heartbeatInterval) {

	@AssertTrue(message = "heartbeat-interval must be at most a third of session-timeout")
	public boolean isHeartbeatWithinSession() {
		return this.sessionTimeout == null || this.heartbeatInterval == null
				|| this.heartbeatInterval.multipliedBy(3).compareTo(this.sessionTimeout) <= 0;
	}

}

package org.chat.gateway.kafka;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Producer tuning on top of {@code spring.kafka.*} (bootstrap servers, security). acks=all and idempotence
 * are fixed. The timeouts are short so a dead broker yields {@code unavailable} within seconds, never a hang.
 *
 * @param linger batching delay
 * @param requestTimeout one produce request
 * @param deliveryTimeout a record's whole life in the producer (must be ≥ linger + requestTimeout)
 * @param maxBlock how long {@code send} may wait for metadata or buffer space
 * @param maxQueuedSends records waiting to be handed to the producer before new ones are refused
 */
@Validated
@ConfigurationProperties("chat.kafka")
public record ChatKafkaProperties(@NotNull @DefaultValue("3ms") Duration linger,
		@NotNull @DefaultValue("2s") Duration requestTimeout, @NotNull @DefaultValue("4s") Duration deliveryTimeout,
		@NotNull @DefaultValue("1s") Duration maxBlock, @Min(1) @DefaultValue("10000") int maxQueuedSends) {

	@AssertTrue(message = "deliveryTimeout must be at least linger + requestTimeout")
	public boolean isDeliveryTimeoutConsistent() {
		return this.deliveryTimeout == null || this.linger == null || this.requestTimeout == null
				|| this.deliveryTimeout.compareTo(this.linger.plus(this.requestTimeout)) >= 0;
	}

	/** Upper bound of one publish, from the call to the broker's answer. */
	public Duration publishTimeout() {
		return this.maxBlock.plus(this.deliveryTimeout).plusSeconds(1);
	}

}

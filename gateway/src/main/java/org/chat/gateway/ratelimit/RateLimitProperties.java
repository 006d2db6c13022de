package org.chat.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-socket token bucket over all client events.
 *
 * @param eventsPerSecond sustained rate (refill)
 * @param burst bucket size: events a socket may send at once after being idle
 */
@Validated
@ConfigurationProperties("chat.limits.rate")
public record RateLimitProperties(@Positive @DefaultValue("20") double eventsPerSecond,
		@Min(1) @DefaultValue("40") int burst) {
}

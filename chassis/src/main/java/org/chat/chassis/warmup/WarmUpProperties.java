package org.chat.chassis.warmup;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chat.warmup.*}, the same in every service.
 *
 * @param enabled whether the warm-ups run before readiness at all
 * @param rounds rounds of each warm-up: enough calls for the JIT's optimising tier (C2 compiles a method after
 * roughly 10,000 invocations and loop iterations)
 * @param budget longest all warm-ups together may take; when it is spent readiness goes UP anyway, so a slow box
 * or a stuck warm-up delays a new instance by at most this much
 */
@Validated
@ConfigurationProperties("chat.warmup")
public record WarmUpProperties(@DefaultValue("true") boolean enabled, @Min(0) @DefaultValue("10000") int rounds,
		@NotNull @DefaultValue("20s") Duration budget) {
}

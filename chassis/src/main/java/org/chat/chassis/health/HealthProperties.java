package org.chat.chassis.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chat.health.*}, the same in every service.
 *
 * @param timeout longest one backing-system check (Kafka, Redis, MongoDB) may take before it reports DOWN; a
 * readiness probe must answer, never hang on a dead dependency
 */
@Validated
@ConfigurationProperties("chat.health")
public record HealthProperties(@NotNull @DefaultValue("2s") Duration timeout) {
}

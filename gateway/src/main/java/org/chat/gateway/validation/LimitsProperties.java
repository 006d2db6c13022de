package org.chat.gateway.validation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sizes of client payloads. Text and profile fields over their limit get {@code payload_too_large}.
 *
 * @param maxTextLength characters (code points) of a message text
 * @param maxNameLength characters of a profile name
 * @param maxEmailLength characters of a profile email
 * @param maxAvatarLength characters of a profile avatar (usually a URL)
 * @param defaultHistoryLimit page size of {@code get_messages} without {@code limit}
 * @param defaultSyncLimit page size of {@code sync_messages} without {@code limit}
 */
@Validated
@ConfigurationProperties("chat.limits")
public record LimitsProperties(@Min(1) @Max(1_000_000) @DefaultValue("4000") int maxTextLength,
		@Min(1) @DefaultValue("100") int maxNameLength, @Min(1) @DefaultValue("254") int maxEmailLength,
		@Min(1) @DefaultValue("2048") int maxAvatarLength,
		@Min(1) @Max(EventValidator.MAX_PAGE) @DefaultValue("50") int defaultHistoryLimit,
		@Min(1) @Max(EventValidator.MAX_PAGE) @DefaultValue("100") int defaultSyncLimit) {

	public static LimitsProperties defaults() {
		return new LimitsProperties(4000, 100, 254, 2048, 50, 100);
	}

}

package org.chat.notification.provider;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** {@code Retry-After} (RFC 9110): delay-seconds or an HTTP date; absent or unreadable → null. */
public final class RetryAfter {

	private RetryAfter() {
	}

	public static Duration of(HttpHeaders headers, Instant now) {
		return headers.firstValue("retry-after").map(value -> parse(value.trim(), now)).orElse(null);
	}

	static Duration parse(String value, Instant now) {
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Duration until = Duration.between(now,
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (RuntimeException notADate) {
				return null;
			}
		}
	}

}

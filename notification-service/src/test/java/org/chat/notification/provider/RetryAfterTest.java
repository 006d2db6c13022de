package org.chat.notification.provider;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	@Test
	void secondsOrAnHttpDate() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("Fri, 04 Dec 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("Fri, 04 Dec 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("-5", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
	}

	@Test
	void statusesMapToOutcomes() {
		assertThat(Outcome.ofHttpStatus(201, "", null)).isInstanceOf(Outcome.Sent.class);
		assertThat(Outcome.ofHttpStatus(410, "", null)).isInstanceOf(Outcome.Gone.class);
		assertThat(Outcome.ofHttpStatus(404, "", null)).isInstanceOf(Outcome.Gone.class);
		assertThat(Outcome.ofHttpStatus(429, "", Duration.ofSeconds(7)))
			.isEqualTo(new Outcome.Retry("429 ", Duration.ofSeconds(7)));
		assertThat(Outcome.ofHttpStatus(503, "", null)).isInstanceOf(Outcome.Retry.class);
		assertThat(Outcome.ofHttpStatus(400, "", null)).isInstanceOf(Outcome.Rejected.class);
		assertThat(Outcome.ofHttpStatus(413, "", null)).isInstanceOf(Outcome.Rejected.class);
	}

}

package org.chat.notification.job;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderBackOffTest {

	private final ProviderBackOff backOff = new ProviderBackOff(Duration.ofMillis(500), Duration.ofSeconds(10));

	@Test
	void doublesUpToTheMaximumAndNeverStops() {
		BackOffExecution execution = this.backOff.start();
		assertThat(new long[] { execution.nextBackOff(), execution.nextBackOff(), execution.nextBackOff(),
				execution.nextBackOff(), execution.nextBackOff(), execution.nextBackOff() })
			.containsExactly(500, 1000, 2000, 4000, 8000, 10_000);
		for (int i = 0; i < 100; i++) {
			assertThat(execution.nextBackOff()).isEqualTo(10_000);
		}
	}

	@Test
	void aRetryAfterLongerThanTheNextPauseIsHonouredOnceAndCapped() {
		BackOffExecution execution = this.backOff.start();
		ProviderBackOff.hint(Duration.ofSeconds(3));
		assertThat(execution.nextBackOff()).isEqualTo(3000);
		assertThat(execution.nextBackOff()).as("the hint is used once").isEqualTo(1000);
		ProviderBackOff.hint(Duration.ofMinutes(5));
		assertThat(execution.nextBackOff()).isEqualTo(10_000);
		ProviderBackOff.hint(Duration.ofMillis(1));
		assertThat(execution.nextBackOff()).as("a shorter hint does not shorten the pause").isEqualTo(4000);
	}

}

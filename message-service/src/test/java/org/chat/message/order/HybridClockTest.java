package org.chat.message.order;

import java.time.Duration;
import java.time.Instant;

import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HybridClockTest {

	private final MutableClock wall = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final HybridClock clock = new HybridClock(this.wall);

	@Test
	void followsTheWallClockInMicroseconds() {
		assertThat(this.clock.next()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1000);
		this.wall.advance(Duration.ofMillis(1));
		assertThat(this.clock.next()).isEqualTo(Instant.parse("2026-01-01T00:00:00.001Z").toEpochMilli() * 1000);
	}

	@Test
	void neverGoesBackwardsWhenTheWallClockStallsOrStepsBack() {
		long a = this.clock.next();
		long b = this.clock.next();
		this.wall.advance(Duration.ofSeconds(-10));
		long c = this.clock.next();

		assertThat(b).isEqualTo(a + 1);
		assertThat(c).isEqualTo(b + 1);
	}

	@Test
	void observingAHigherStampMovesPastIt() {
		long ahead = this.clock.next() + 5_000_000;
		this.clock.observe(ahead);

		assertThat(this.clock.next()).isEqualTo(ahead + 1);
	}

}

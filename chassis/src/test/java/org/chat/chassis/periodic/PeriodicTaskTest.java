package org.chat.chassis.periodic;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicTaskTest {

	private static final Duration EVERY = Duration.ofSeconds(5);

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void runsEveryPeriodFromTheInitialDelayAndSurvivesAFailedRun() {
		StepVerifier.withVirtualTime(() -> new PeriodicTask("test", Duration.ZERO, EVERY, this::failSecondRun,
				VirtualTimeScheduler.getOrSet()).ticks())
			.expectSubscription()
			.expectNext(1)
			.thenAwait(EVERY)
			.then(() -> assertThat(this.runs).as("the second run, which fails").hasValue(2))
			.thenAwait(EVERY)
			.expectNext(3)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void withoutAnInitialDelayTheFirstRunIsOnePeriodAfterTheStart() {
		StepVerifier.withVirtualTime(
				() -> new PeriodicTask("test", EVERY, this::failSecondRun, VirtualTimeScheduler.getOrSet()).ticks())
			.expectSubscription()
			.expectNoEvent(EVERY.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(1)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	private Mono<Integer> failSecondRun() {
		int run = this.runs.incrementAndGet();
		return run == 2 ? Mono.error(new IllegalStateException("Redis down")) : Mono.just(run);
	}

}

package org.chat.presence.userlist;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.chat.chassis.periodic.PeriodicTask;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** Coalescing in virtual time: any churn gives at most one user_list per window. */
class UserListCoalescerTest {

	private static final Duration WINDOW = Duration.ofMillis(250);

	private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);

	private final AtomicInteger broadcasts = new AtomicInteger();

	private final AtomicBoolean gateOpen = new AtomicBoolean(true);

	private final UserListCoalescer coalescer = new UserListCoalescer(() -> Mono.fromSupplier(this.gateOpen::get),
			() -> Mono.fromRunnable(this.broadcasts::incrementAndGet));

	private Flux<Object> broadcastTicks() {
		return new PeriodicTask("test", WINDOW, this.coalescer::tick, VirtualTimeScheduler.getOrSet()).ticks()
			.filter(Boolean.TRUE::equals);
	}

	@Test
	void aBurstOfChangesGivesOneBroadcast() {
		StepVerifier.withVirtualTime(this::broadcastTicks)
			.expectSubscription()
			.then(() -> {
				for (int i = 0; i < 10_000; i++) {
					this.coalescer.changed();
				}
			})
			.expectNoEvent(WINDOW.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(true)
			.expectNoEvent(WINDOW.multipliedBy(10))
			.thenCancel()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.broadcasts).hasValue(1);
	}

	@Test
	void continuousChurnIsCappedAtOneBroadcastPerWindow() {
		VirtualTimeScheduler.getOrSet();
		// a change every 3 ms for 10 s; ticks observed up to and including the one at 10 s
		StepVerifier.withVirtualTime(() -> broadcastTicks().take(Duration.ofMillis(10_001), VirtualTimeScheduler.get())
			.mergeWith(Flux.interval(Duration.ofMillis(3), VirtualTimeScheduler.get())
				.doOnNext(tick -> this.coalescer.changed())
				.take(Duration.ofSeconds(10), VirtualTimeScheduler.get())
				.then()
				.flux()
				.cast(Object.class))
			.count())
			.thenAwait(Duration.ofSeconds(11))
			.assertNext(count -> assertThat(count).isEqualTo(10_000 / WINDOW.toMillis()))
			.verifyComplete();
		assertThat(this.broadcasts).hasValue((int) (10_000 / WINDOW.toMillis()));
	}

	@Test
	void noChangeNoBroadcast() {
		StepVerifier.withVirtualTime(this::broadcastTicks)
			.expectSubscription()
			.expectNoEvent(WINDOW.multipliedBy(20))
			.thenCancel()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.broadcasts).hasValue(0);
	}

	@Test
	void aWindowTakenByAnotherInstanceDefersTheBroadcastWithoutLosingIt() {
		this.gateOpen.set(false);
		StepVerifier.withVirtualTime(this::broadcastTicks)
			.expectSubscription()
			.then(this.coalescer::changed)
			.expectNoEvent(WINDOW.multipliedBy(3))
			.then(() -> this.gateOpen.set(true))
			.thenAwait(WINDOW)
			.expectNext(true)
			.expectNoEvent(WINDOW.multipliedBy(3))
			.thenCancel()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.broadcasts).hasValue(1);
	}

	@Test
	void aFailedBroadcastIsRetriedNextWindow() {
		AtomicInteger attempts = new AtomicInteger();
		UserListCoalescer failingOnce = new UserListCoalescer(() -> Mono.just(true),
				() -> attempts.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("redis down"))
						: Mono.empty());
		StepVerifier
			.withVirtualTime(() -> new PeriodicTask("test", WINDOW, failingOnce::tick, VirtualTimeScheduler.getOrSet())
				.ticks()
				.filter(Boolean.TRUE::equals))
			.expectSubscription()
			.then(failingOnce::changed)
			.thenAwait(WINDOW)
			.expectNoEvent(WINDOW.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(true)
			.thenCancel()
			.verify(VERIFY_TIMEOUT);
		assertThat(attempts).hasValue(2);
	}

}

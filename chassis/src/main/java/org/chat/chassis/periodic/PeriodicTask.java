package org.chat.chassis.periodic;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@code work} every {@code every}, never two at once (a slow run skips ticks), logging and surviving
 * failures (Redis down: the next tick tries again). As a bean it starts and stops with the application context;
 * an owner that must order it against other shutdown work calls {@link #start} and {@link #stop} itself.
 */
public class PeriodicTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration every;

	private final Supplier<Mono<?>> work;

	private final Scheduler scheduler;

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile Disposable running;

	/** First run one period after the start. */
	public PeriodicTask(String name, Duration every, Supplier<Mono<?>> work) {
		this(name, every, every, work, Schedulers.parallel());
	}

	/** First run one period after the start, on the given scheduler (a test's virtual time). */
	public PeriodicTask(String name, Duration every, Supplier<Mono<?>> work, Scheduler scheduler) {
		this(name, every, every, work, scheduler);
	}

	public PeriodicTask(String name, Duration initialDelay, Duration every, Supplier<Mono<?>> work,
			Scheduler scheduler) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.every = every;
		this.work = work;
		this.scheduler = scheduler;
	}

	/** The ticks and their work, as a flux a test can drive in virtual time. */
	public Flux<Object> ticks() {
		return Flux.interval(this.initialDelay, this.every, this.scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> Mono.defer(this.work)
				.cast(Object.class)
				.doOnSuccess(done -> recovered())
				.onErrorResume(ex -> {
					failed(ex);
					return Mono.empty();
				}), 1);
	}

	// one WARN per outage, not one per tick (the user-list task ticks 4 times a second)
	private void failed(Throwable ex) {
		if (this.failing.compareAndSet(false, true)) {
			log.warn("{} failed, retrying every {}: {}", this.name, this.every, ex.toString());
		}
		else {
			log.debug("{} still failing: {}", this.name, ex.toString());
		}
	}

	private void recovered() {
		if (this.failing.compareAndSet(true, false)) {
			log.info("{} works again", this.name);
		}
	}

	@Override
	public void start() {
		this.running = ticks().subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}

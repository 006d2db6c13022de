package org.chat.chassis.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs every {@link WarmUp} bean before the process reports ready. Spring Boot moves the readiness state to
 * {@code ACCEPTING_TRAFFIC} only after every {@link ApplicationRunner} has returned, and the readiness group of
 * each service includes {@code readinessState}: so the probe says DOWN while this runs, and UP once it returns.
 * <p>
 * The warm-ups take turns, one round each, until each has run {@code chat.warmup.rounds} rounds or
 * {@code chat.warmup.budget} is spent. A warm-up that throws is dropped and reported (WARN, metric outcome
 * {@code failed}); one that hangs is abandoned when the budget ends (outcome {@code cut}). Neither keeps the
 * process from becoming ready: a warm-up only makes the first requests faster, it is never a precondition.
 */
public class WarmUpRunner implements ApplicationRunner {

	/** Timer of each warm-up's time, tags {@code warmup} (its name) and {@code outcome}. */
	public static final String METRIC = "chat.warmup";

	private static final Logger log = LoggerFactory.getLogger(WarmUpRunner.class);

	private final List<WarmUp> warmUps;

	private final WarmUpProperties properties;

	private final MeterRegistry meters;

	private volatile Report report;

	/** @param meters where the timings go; {@code null}: the log line only */
	public WarmUpRunner(List<WarmUp> warmUps, WarmUpProperties properties, MeterRegistry meters) {
		this.warmUps = List.copyOf(warmUps);
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled() || this.warmUps.isEmpty() || this.properties.rounds() == 0) {
			return;
		}
		List<Progress> progress = this.warmUps.stream().map(Progress::new).toList();
		long began = System.nanoTime();
		ExecutorService thread = Executors.newSingleThreadExecutor(daemon());
		try {
			Future<?> running = thread.submit(() -> exercise(progress));
			try {
				running.get(this.properties.budget().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				running.cancel(true); // a hung round may ignore the interrupt; the thread is a daemon
			}
			catch (ExecutionException ex) {
				log.warn("warm-up aborted", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			thread.shutdownNow();
		}
		this.report = report(progress, Duration.ofNanos(System.nanoTime() - began));
	}

	/** What the last run did; {@code null} before it ran (or when there was nothing to run). */
	public Report report() {
		return this.report;
	}

	private void exercise(List<Progress> progress) {
		for (int round = 0; round < this.properties.rounds(); round++) {
			boolean anyLeft = false;
			for (Progress each : progress) {
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
				if (each.failure == null) {
					each.round();
					anyLeft = true;
				}
			}
			if (!anyLeft) {
				return;
			}
		}
	}

	private Report report(List<Progress> progress, Duration took) {
		List<Result> results = new ArrayList<>();
		for (Progress each : progress) {
			Outcome outcome = (each.failure != null) ? Outcome.FAILED
					: (each.rounds < this.properties.rounds()) ? Outcome.CUT : Outcome.COMPLETED;
			Result result = new Result(each.warmUp.name(), outcome, each.rounds, Duration.ofNanos(each.nanos),
					each.failure);
			results.add(result);
			if (this.meters != null) {
				Timer.builder(METRIC)
					.description("time each warm-up ran before the process reported ready")
					.tag("warmup", result.name())
					.tag("outcome", outcome.tag)
					.register(this.meters)
					.record(result.time());
			}
			if (outcome == Outcome.FAILED) {
				log.warn("warm-up {} failed after {} rounds; the process becomes ready without it", result.name(),
						result.rounds(), result.failure());
			}
			else if (outcome == Outcome.CUT) {
				log.warn("warm-up {} cut after {} of {} rounds: chat.warmup.budget ({}) spent", result.name(),
						result.rounds(), this.properties.rounds(), this.properties.budget());
			}
		}
		Report report = new Report(took, List.copyOf(results));
		log.info("warmed up in {} ms: {}", took.toMillis(), results.stream()
			.map(r -> r.name() + " " + r.rounds() + " rounds in " + r.time().toMillis() + " ms"
					+ ((r.outcome() == Outcome.COMPLETED) ? "" : " (" + r.outcome().tag + ")"))
			.collect(Collectors.joining(", ")));
		return report;
	}

	private static CustomizableThreadFactory daemon() {
		CustomizableThreadFactory factory = new CustomizableThreadFactory("warm-up-");
		factory.setDaemon(true);
		return factory;
	}

	/** How one warm-up ended. */
	public enum Outcome {

		/** every round ran */
		COMPLETED("completed"),
		/** a round threw; the warm-up was dropped */
		FAILED("failed"),
		/** the budget was spent first */
		CUT("cut");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

	}

	public record Result(String name, Outcome outcome, int rounds, Duration time, Throwable failure) {
	}

	public record Report(Duration took, List<Result> results) {
	}

	/** Written by the warm-up thread, read after it ended or was abandoned. */
	private static final class Progress {

		private final WarmUp warmUp;

		private volatile int rounds;

		private volatile long nanos;

		private volatile Throwable failure;

		Progress(WarmUp warmUp) {
			this.warmUp = warmUp;
		}

		void round() {
			long start = System.nanoTime();
			try {
				this.warmUp.round();
				this.rounds++;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception | LinkageError | AssertionError ex) {
				this.failure = ex;
			}
			finally {
				this.nanos += System.nanoTime() - start;
			}
		}

	}

}

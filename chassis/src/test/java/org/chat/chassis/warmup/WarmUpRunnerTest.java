package org.chat.chassis.warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.chassis.warmup.WarmUpRunner.Outcome;
import org.chat.chassis.warmup.WarmUpRunner.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness and warm-up, through a real SpringApplication run (no web server). */
class WarmUpRunnerTest {

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void readinessIsDownWhileTheWarmUpRunsAndUpOnceEveryRoundHasRun() {
		Recording recording = new Recording();
		start(List.of(recording), "chat.warmup.rounds=50");

		assertThat(recording.readinessDuringWarmUp).containsOnly(Status.OUT_OF_SERVICE);
		assertThat(recording.rounds).hasValue(50);
		assertThat(readiness()).isEqualTo(Status.UP);
		assertThat(runner().report().results()).singleElement().satisfies(result -> {
			assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
			assertThat(result.rounds()).isEqualTo(50);
		});
		assertThat(meters().get(WarmUpRunner.METRIC).tags("warmup", "recording", "outcome", "completed").timer().count())
			.isEqualTo(1);
	}

	@Test
	void aFailingWarmUpIsDroppedAndReportedWhileTheOthersFinishAndReadinessGoesUp() {
		Recording healthy = new Recording();
		WarmUp failing = warmUp("failing", new AtomicInteger(), 3);
		start(List.of(failing, healthy), "chat.warmup.rounds=20");

		assertThat(readiness()).isEqualTo(Status.UP);
		assertThat(healthy.rounds).hasValue(20);
		Result failed = result("failing");
		assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(failed.rounds()).isEqualTo(3);
		assertThat(failed.failure()).hasMessage("round 3 broke");
		assertThat(meters().get(WarmUpRunner.METRIC).tags("warmup", "failing", "outcome", "failed").timer().count())
			.isEqualTo(1);
	}

	@Test
	void aWarmUpThatNeverReturnsIsCutWhenTheBudgetIsSpentAndReadinessGoesUp() {
		CountDownLatch never = new CountDownLatch(1);
		WarmUp stuck = new WarmUp() {

			@Override
			public String name() {
				return "stuck";
			}

			@Override
			public void round() throws InterruptedException {
				never.await();
			}

		};
		start(List.of(stuck), "chat.warmup.budget=200ms");

		assertThat(readiness()).isEqualTo(Status.UP);
		assertThat(result("stuck").outcome()).isEqualTo(Outcome.CUT);
		assertThat(result("stuck").rounds()).isZero();
	}

	@Test
	void disabledRunsNothing() {
		Recording recording = new Recording();
		start(List.of(recording), "chat.warmup.enabled=false");

		assertThat(recording.rounds).hasValue(0);
		assertThat(readiness()).isEqualTo(Status.UP);
	}

	private void start(List<WarmUp> warmUps, String... properties) {
		this.context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties(properties)
			.initializers(context -> warmUps.forEach(w -> {
				if (w instanceof Recording recording) {
					recording.context = context;
				}
				context.getBeanFactory().registerSingleton(w.name(), w);
			}))
			.run();
	}

	private Status readiness() {
		return new ReadinessStateHealthIndicator(this.context.getBean(ApplicationAvailability.class)).health()
			.getStatus();
	}

	private WarmUpRunner runner() {
		return this.context.getBean(WarmUpRunner.class);
	}

	private MeterRegistry meters() {
		return this.context.getBean(MeterRegistry.class);
	}

	private Result result(String name) {
		return runner().report().results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
	}

	private static WarmUp warmUp(String name, AtomicInteger rounds, int failAtRound) {
		return new WarmUp() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public void round() {
				if (rounds.incrementAndGet() > failAtRound) {
					throw new IllegalStateException("round " + failAtRound + " broke");
				}
			}

		};
	}

	/** Counts its rounds and notes what the readiness probe would have answered during the first one. */
	private static final class Recording implements WarmUp {

		private final AtomicInteger rounds = new AtomicInteger();

		private final List<Status> readinessDuringWarmUp = new ArrayList<>();

		private ConfigurableApplicationContext context;

		@Override
		public String name() {
			return "recording";
		}

		@Override
		public void round() {
			if (this.rounds.getAndIncrement() == 0) {
				this.readinessDuringWarmUp.add(new ReadinessStateHealthIndicator(
						this.context.getBean(ApplicationAvailability.class)).health().getStatus());
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(WarmUpConfiguration.class)
	static class Application {

		@Bean
		ApplicationAvailabilityBean applicationAvailability() {
			return new ApplicationAvailabilityBean();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}

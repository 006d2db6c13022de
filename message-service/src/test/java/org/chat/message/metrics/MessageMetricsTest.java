package org.chat.message.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.Fanout;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.send;

/** The service's counters move on the real send and fan-out paths. */
class MessageMetricsTest {

	private Harness h;

	@BeforeEach
	void setUp() {
		this.h = new Harness();
		this.h.routing.online("bob", "gw-b").online("alice", "gw-a");
	}

	@Test
	void firstCopiesCountAsStoredAndRetriesAsDuplicates() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"),
				send(0, 3, "alice", "bob", "m2"));
		this.h.process(send(0, 1, "alice", "bob", "m1"));

		assertThat(count("chat.messages.stored")).isEqualTo(2);
		assertThat(count("chat.messages.duplicates")).isEqualTo(2);
	}

	@Test
	void failedPublishesCountByStage() {
		this.h.published.failing(true);

		this.h.process(send(0, 1, "alice", "bob", "m1"));

		assertThat(this.h.meters.get("chat.messages.fanout.failures").tag("stage", "publish").counter().count())
			.isPositive();
		assertThat(this.h.meters.get("chat.messages.fanout.failures").tag("stage", "lookup").counter().count())
			.isZero();
	}

	@Test
	void failedLookupCountsOnce() {
		Fanout fanout = new Fanout(users -> Mono.error(new IllegalStateException("redis down")), this.h.published,
				Duration.ofSeconds(1), this.h.metrics);

		fanout.toUser("bob", GatewayMessage.toUsers(List.of("bob"), ClientEvents.USER_LIST, List.of()))
			.block(Harness.TIMEOUT);

		assertThat(this.h.meters.get("chat.messages.fanout.failures").tag("stage", "lookup").counter().count())
			.isEqualTo(1);
		assertThat(this.h.published.all()).isEmpty();
	}

	@Test
	void eachSendIsTimedAtEveryStageItReached() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"));
		this.h.process(send(0, 3, "alice", "bob", "m3"));

		assertThat(stage("consumed").count()).isEqualTo(3);
		assertThat(stage("stored").count()).isEqualTo(3);
		assertThat(stage("published").count()).isEqualTo(3);
	}

	@Test
	void aStageIsTimedFromTheSendsCreatedAt() {
		Instant now = Instant.parse("2026-06-01T10:00:00Z");
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		MessageMetrics metrics = new MessageMetrics(meters, Clock.fixed(now, ZoneOffset.UTC));

		metrics.reached(MessageMetrics.SendStage.STORED, List.of(now.minusMillis(40), now.plusMillis(5)));

		Timer stored = meters.get("chat.messages.stage").tag("stage", "stored").timer();
		assertThat(stored.count()).isEqualTo(2);
		assertThat(stored.max(TimeUnit.MILLISECONDS)).isEqualTo(40); // a clock ahead of ours counts as 0
		assertThat(stored.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
	}

	private Timer stage(String stage) {
		return this.h.meters.get("chat.messages.stage").tag("stage", stage).timer();
	}

	private double count(String name) {
		return this.h.meters.get(name).counter().count();
	}

}

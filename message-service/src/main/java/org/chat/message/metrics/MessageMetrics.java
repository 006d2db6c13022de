package org.chat.message.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own counters (Prometheus names in brackets). Tags are low-cardinality: never a user or
 * gateway id.
 */
public class MessageMetrics {

	/** Where a fan-out was given up: the routing lookup or the publish to one gateway. */
	public enum FanoutStage {

		LOOKUP, PUBLISH

	}

	/**
	 * How far a send has come through this service, timed from its {@code createdAt} (the sender's gateway accepted
	 * it): with the gateway's produce and delivery timers these split a message's way into hops.
	 */
	public enum SendStage {

		/** its batch reached the service (after the broker, the fetch and the poll) */
		CONSUMED,
		/** stored with its feed entries: what sync will return */
		STORED,
		/** fan-out done: published to the gateways holding its recipient and sender (or given up on, counted apart) */
		PUBLISHED

	}

	private final Map<SendStage, Timer> stages = new EnumMap<>(SendStage.class);

	private final Clock clock;

	private final Counter stored;

	private final Counter duplicates;

	private final Counter lookupFailures;

	private final Counter publishFailures;

	public MessageMetrics(MeterRegistry meters) {
		this(meters, Clock.systemUTC());
	}

	public MessageMetrics(MeterRegistry meters, Clock clock) {
		this.clock = clock;
		// chat_messages_stage_seconds{stage} (histogram)
		for (SendStage stage : SendStage.values()) {
			this.stages.put(stage, Timer.builder("chat.messages.stage")
				.description("the send's createdAt (its sender's gateway clock) to this stage in the message-service; "
						+ "across hosts it includes their clock skew")
				.tag("stage", stage.name().toLowerCase())
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofSeconds(30))
				.register(meters));
		}
		// chat_messages_stored_total
		this.stored = Counter.builder("chat.messages.stored")
			.description("messages inserted into the store (first copy of each message id)")
			.register(meters);
		// chat_messages_duplicates_total
		this.duplicates = Counter.builder("chat.messages.duplicates")
			.description("sends whose message id was already stored (client retry or Kafka redelivery)")
			.register(meters);
		// chat_messages_fanout_failures_total{stage}
		this.lookupFailures = fanoutFailures(meters, FanoutStage.LOOKUP);
		this.publishFailures = fanoutFailures(meters, FanoutStage.PUBLISH);
	}

	private static Counter fanoutFailures(MeterRegistry meters, FanoutStage stage) {
		return Counter.builder("chat.messages.fanout.failures")
			.description("deliveries dropped because a Redis lookup or publish failed or timed out (sync recovers them)")
			.tag("stage", stage.name().toLowerCase())
			.register(meters);
	}

	/** Records that the sends created at these instants reached {@code stage} now. */
	public void reached(SendStage stage, Iterable<Instant> createdAt) {
		Timer timer = this.stages.get(stage);
		Instant now = this.clock.instant();
		for (Instant created : createdAt) {
			Duration since = Duration.between(created, now);
			timer.record(since.isNegative() ? Duration.ZERO : since);
		}
	}

	public void stored(int count) {
		this.stored.increment(count);
	}

	public void duplicates(int count) {
		this.duplicates.increment(count);
	}

	public void fanoutFailed(FanoutStage stage) {
		(stage == FanoutStage.LOOKUP ? this.lookupFailures : this.publishFailures).increment();
	}

}

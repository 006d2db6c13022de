package org.chat.message.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's own counters (Prometheus names in brackets). Tags are low-cardinality: never a user or
 * gateway id.
 */
public class MessageMetrics {

	/** Where a fan-out was given up: the routing lookup or the publish to one gateway. */
	public enum FanoutStage {

		LOOKUP, PUBLISH

	}

	private final Counter stored;

	private final Counter duplicates;

	private final Counter lookupFailures;

	private final Counter publishFailures;

	public MessageMetrics(MeterRegistry meters) {
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

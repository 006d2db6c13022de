package org.chat.gateway.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.gateway.kafka.EnvelopePublisher;

/** Times every publish from the call to the broker's acknowledgement (or its failure), by topic. */
public class TimedEnvelopePublisher implements EnvelopePublisher {

	private final EnvelopePublisher delegate;

	private final GatewayMetrics metrics;

	public TimedEnvelopePublisher(EnvelopePublisher delegate, GatewayMetrics metrics) {
		this.delegate = delegate;
		this.metrics = metrics;
	}

	@Override
	public CompletableFuture<Void> publish(String key, Envelope envelope) {
		EventType type = envelope.eventType();
		String topic = (type != null) ? type.topic() : GatewayMetrics.UNKNOWN;
		long start = System.nanoTime();
		return this.delegate.publish(key, envelope)
			.whenComplete((done, error) -> this.metrics.produceTimer(topic, error == null)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
	}

	@Override
	public void flush(Duration timeout) {
		this.delegate.flush(timeout);
	}

}

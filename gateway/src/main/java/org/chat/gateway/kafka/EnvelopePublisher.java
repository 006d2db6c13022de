package org.chat.gateway.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.chat.contracts.envelope.Envelope;

/** Produces envelopes to the topic of their type. */
public interface EnvelopePublisher {

	/**
	 * Starts the send at once (calls keep their order per key) and completes when the broker acknowledged the
	 * record (acks=all), or exceptionally (bounded in time) when it cannot.
	 */
	CompletableFuture<Void> publish(String key, Envelope envelope);

	/** Waits up to {@code timeout} for every record handed over so far. */
	void flush(Duration timeout);

}

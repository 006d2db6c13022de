package org.chat.gateway.fakes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.kafka.KafkaUnavailable;

/** Records every publish; acknowledges at once, fails, or holds the futures for the test to complete. */
public class RecordingPublisher implements EnvelopePublisher {

	public enum Mode {

		ACK, FAIL, HOLD

	}

	public record Sent(String topic, String key, Envelope envelope, CompletableFuture<Void> future) {

		public EventType type() {
			return this.envelope.eventType();
		}

	}

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private volatile Mode mode = Mode.ACK;

	private volatile int flushes;

	public void mode(Mode next) {
		this.mode = next;
	}

	public List<Sent> sent() {
		return this.sent;
	}

	public Sent only() {
		if (this.sent.size() != 1) {
			throw new AssertionError("expected one record, got " + this.sent);
		}
		return this.sent.get(0);
	}

	public int flushes() {
		return this.flushes;
	}

	@Override
	public CompletableFuture<Void> publish(String key, Envelope envelope) {
		CompletableFuture<Void> future = switch (this.mode) {
			case ACK -> CompletableFuture.completedFuture(null);
			case FAIL -> CompletableFuture.failedFuture(new KafkaUnavailable("broker down", null));
			case HOLD -> new CompletableFuture<>();
		};
		this.sent.add(new Sent(envelope.eventType().topic(), key, envelope, future));
		return future;
	}

	@Override
	public void flush(Duration timeout) {
		this.flushes++;
	}

}

package org.chat.e2e.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Every event one socket received, in arrival order, never consumed: awaiting an event returns the first match
 * whether it came before or after the call, so tests never race the fan-out.
 */
public final class EventLog {

	private final List<Received> received = new ArrayList<>();

	/** One event: its name and its arguments (a JSON array). */
	public record Received(String event, JsonNode args) {

		/** The first argument, or a missing node when the event had none. */
		public JsonNode payload() {
			return this.args.path(0);
		}

	}

	public synchronized void add(String event, JsonNode args) {
		this.received.add(new Received(event, args));
		notifyAll();
	}

	public synchronized List<Received> all() {
		return List.copyOf(this.received);
	}

	/** First arguments of every {@code event} received so far. */
	public synchronized List<JsonNode> payloads(String event) {
		return this.received.stream().filter(r -> r.event().equals(event)).map(Received::payload).toList();
	}

	/** Waits for {@code count} events named {@code event} whose first argument matches; returns the first count. */
	public synchronized List<JsonNode> awaitPayloads(String event, Predicate<JsonNode> filter, int count,
			Duration timeout) {
		return awaitPayloads(event, 0, filter, count, timeout);
	}

	/** As above, looking only at the {@code event}s after the first {@code skip} of them. */
	public synchronized List<JsonNode> awaitPayloads(String event, int skip, Predicate<JsonNode> filter, int count,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<JsonNode> matching = payloads(event).stream().skip(skip).filter(filter).toList();
			if (matching.size() >= count) {
				return matching.subList(0, count);
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("timed out after " + timeout + " waiting for " + count + " '" + event
						+ "' (matching: " + matching.size() + "); everything received: " + this.received);
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
	}

	@Override
	public synchronized String toString() {
		return this.received.toString();
	}

}

package org.chat.e2e.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import tools.jackson.databind.JsonNode;

/**
 * One sender's steady traffic during a fault: sequential sends with an ack, each with its own clientMessageId,
 * on a thread of its own. Records every outcome with its timing: acknowledged (clientMessageId → messageId),
 * refused (error code) or no ack at all. Only acknowledged sends are promised to survive.
 */
final class Traffic implements AutoCloseable {

	/** One send: when it was emitted and answered ({@link System#nanoTime()}), and how. */
	record Outcome(String clientMessageId, long sentAt, long answeredAt, String messageId, String refusal) {

		boolean acked() {
			return this.refusal == null;
		}

		long latencyMillis() {
			return (this.answeredAt - this.sentAt) / 1_000_000;
		}

	}

	/** Replaced when the sender reconnects through another gateway ({@link #switchSender}). */
	private volatile JsClient sender;

	private final String toUserId;

	private final String prefix;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Outcome> outcomes = new ArrayList<>();

	private final Thread thread;

	Traffic(JsClient sender, String toUserId, String prefix) {
		this.sender = sender;
		this.toUserId = toUserId;
		this.prefix = prefix;
		this.thread = new Thread(this::run, "traffic-" + prefix);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		for (int i = 0; running.get(); i++) {
			String clientMessageId = prefix + "-" + i;
			long sentAt = System.nanoTime();
			Outcome outcome;
			try {
				JsonNode ack = send(clientMessageId);
				outcome = ack.path("ok").asBoolean()
						? new Outcome(clientMessageId, sentAt, System.nanoTime(), ack.path("messageId").asString(), null)
						: new Outcome(clientMessageId, sentAt, System.nanoTime(), null,
								ack.path("error").path("code").asString());
			}
			catch (AssertionError noAck) {
				outcome = new Outcome(clientMessageId, sentAt, System.nanoTime(), null, "no ack");
			}
			synchronized (this) {
				outcomes.add(outcome);
			}
			pause();
		}
	}

	/** About 10 sends a second: under the gateway's default rate limit (20/s, burst 40), as a person types. */
	private void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.set(false);
		}
	}

	/** A send as a client retry would do it: same text and clientMessageId for the same index. */
	JsonNode send(String clientMessageId) {
		return sender.ack(ClientEvents.SEND_PRIVATE_MESSAGE,
				Payloads.obj("text", "chaos " + clientMessageId, "toUserId", toUserId, "clientMessageId", clientMessageId));
	}

	/** The sender reconnected (its gateway went away): the following sends go through {@code reconnected}. */
	void switchSender(JsClient reconnected) {
		this.sender = reconnected;
	}

	String prefix() {
		return this.prefix;
	}

	synchronized List<Outcome> outcomes() {
		return List.copyOf(outcomes);
	}

	synchronized int ackedCount() {
		return (int) outcomes.stream().filter(Outcome::acked).count();
	}

	/** clientMessageId → messageId of every acknowledged send, in send order. */
	synchronized Map<String, String> acked() {
		Map<String, String> acked = new LinkedHashMap<>();
		outcomes.stream().filter(Outcome::acked).forEach(o -> acked.put(o.clientMessageId(), o.messageId()));
		return acked;
	}

	synchronized List<String> refused() {
		return outcomes.stream().filter(o -> !o.acked()).map(Outcome::refusal).toList();
	}

	/** The first send answered after {@code since} (nanoTime) that matches {@code acked}. */
	synchronized Optional<Outcome> firstAnsweredAfter(long since, boolean acked) {
		return outcomes.stream().filter(o -> o.answeredAt() > since && o.acked() == acked).findFirst();
	}

	synchronized long maxLatencyMillis() {
		return outcomes.stream().mapToLong(Outcome::latencyMillis).max().orElse(0);
	}

	/** Waits until at least {@code count} sends were acknowledged in all. */
	void awaitAcked(int count, long timeoutMillis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (ackedCount() < count) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("only " + ackedCount() + " of " + count + " sends acknowledged; refused "
						+ refused());
			}
			Thread.sleep(20);
		}
	}

	/** Waits until a send answered after {@code since} matches {@code acked}; returns it. */
	Outcome awaitAnsweredAfter(long since, boolean acked, long timeoutMillis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (true) {
			Optional<Outcome> found = firstAnsweredAfter(since, acked);
			if (found.isPresent()) {
				return found.get();
			}
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("no " + (acked ? "acknowledged" : "refused") + " send of " + prefix + " in "
						+ timeoutMillis + " ms; outcomes " + outcomes());
			}
			Thread.sleep(20);
		}
	}

	@Override
	public void close() throws InterruptedException {
		running.set(false);
		thread.join(30_000);
	}

}

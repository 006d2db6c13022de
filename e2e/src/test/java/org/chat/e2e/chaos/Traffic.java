package org.chat.e2e.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import tools.jackson.databind.JsonNode;

/**
 * One sender's steady traffic during a fault: sequential sends with an ack, each with its own clientMessageId,
 * on a thread of its own. Records which sends were acknowledged (clientMessageId → messageId) and which were
 * refused (error code) or got no ack at all: only acknowledged ones are promised to survive.
 */
final class Traffic implements AutoCloseable {

	private final JsClient sender;

	private final String toUserId;

	private final String prefix;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Map<String, String> acked = new LinkedHashMap<>();

	private final List<String> refused = new ArrayList<>();

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
			try {
				JsonNode ack = send(clientMessageId);
				synchronized (this) {
					if (ack.path("ok").asBoolean()) {
						acked.put(clientMessageId, ack.path("messageId").asString());
					}
					else {
						refused.add(ack.path("error").path("code").asString());
					}
				}
			}
			catch (AssertionError noAck) {
				synchronized (this) {
					refused.add("no ack");
				}
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

	synchronized int ackedCount() {
		return acked.size();
	}

	synchronized Map<String, String> acked() {
		return new LinkedHashMap<>(acked);
	}

	synchronized List<String> refused() {
		return new ArrayList<>(refused);
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

	@Override
	public void close() throws InterruptedException {
		running.set(false);
		thread.join(30_000);
	}

}

package org.chat.e2e.chaos;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import tools.jackson.databind.JsonNode;

/** Polls presence the way a client sees it: {@code request_user_list}, then the newest {@code user_list}. */
final class Presence {

	private static final long POLL_MILLIS = 250;

	private Presence() {
	}

	/** How many {@code user_list}s {@code client} received so far: pass it to {@link #awaitListed} as {@code skip}. */
	static int seen(JsClient client) {
		return client.received(ClientEvents.USER_LIST).size();
	}

	/**
	 * Checks every 250 ms until the newest {@code user_list} {@code client} received, other than the first
	 * {@code skip} (from before the fault), matches, asking for the list again whenever the last request was
	 * answered. The check does not wait for that answer: a request sent while Redis was down is answered
	 * {@code unavailable} only at the gateway's reply timeout, and a broadcast list that came meanwhile counts.
	 * @return the {@link System#nanoTime()} when it did
	 */
	static long awaitListed(JsClient client, int skip, long timeoutMillis, Predicate<JsonNode> converged)
			throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		CompletableFuture<?> request = CompletableFuture.completedFuture(null);
		while (true) {
			if (seen(client) > skip && converged.test(newest(client))) {
				return System.nanoTime();
			}
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("user_list of " + client + " did not converge in " + timeoutMillis
						+ " ms; newest " + newest(client));
			}
			if (request.isDone()) {
				// answered once the presence-service consumed it; an error ack (still down) only asks again
				request = client.burstAsync(ClientEvents.REQUEST_USER_LIST, 1, true, false);
			}
			Thread.sleep(POLL_MILLIS);
		}
	}

	private static JsonNode newest(JsClient client) {
		List<JsonNode> lists = client.received(ClientEvents.USER_LIST);
		return lists.isEmpty() ? Payloads.JSON.createArrayNode() : lists.get(lists.size() - 1);
	}

}

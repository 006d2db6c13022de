package org.chat.e2e.chaos;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.JsClient;

/** Waits for messages to arrive live (pushed, not synced) on a recipient's socket. */
final class Live {

	private Live() {
	}

	/**
	 * Waits until every send of {@code traffic} sent after {@code sentAfter} ({@link System#nanoTime()}) and
	 * acknowledged so far has arrived live on {@code recipient}. (Fan-out is at-most-once: a message in flight when
	 * its consumer died may come by sync only, so only later sends are expected live.)
	 * @return the {@link System#nanoTime()} when they had, or -1 if some were still missing after {@code timeoutMillis}
	 */
	static long awaitAckedAfter(long sentAfter, Traffic traffic, JsClient recipient, long timeoutMillis)
			throws InterruptedException {
		Set<String> expected = traffic.outcomes()
			.stream()
			.filter(o -> o.acked() && o.sentAt() > sentAfter)
			.map(Traffic.Outcome::messageId)
			.collect(Collectors.toSet());
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (true) {
			if (missing(recipient, expected).isEmpty()) {
				return System.nanoTime();
			}
			if (System.currentTimeMillis() > deadline) {
				return -1;
			}
			Thread.sleep(50);
		}
	}

	static Set<String> missing(JsClient recipient, Set<String> expected) {
		List<String> live = Sync.ids(recipient.received(ClientEvents.RECEIVE_PRIVATE_MESSAGE));
		return expected.stream().filter(id -> !live.contains(id)).collect(Collectors.toSet());
	}

}

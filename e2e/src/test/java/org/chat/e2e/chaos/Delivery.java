package org.chat.e2e.chaos;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.JsClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What became of one {@link Traffic} after a fault: the recipient syncs as a reconnecting client does, and
 * every acknowledged send must be among the messages received live or synced ("lost" otherwise), stored once
 * per clientMessageId. Live duplicates (a redelivery after a consumer restart) are counted, not refused: the
 * client drops them by message id.
 *
 * @param lost acknowledged messageIds neither received live nor synced
 * @param storedDuplicates synced messages of this traffic minus distinct clientMessageIds among them
 * @param settledMillis how long after the traffic stopped nothing acknowledged was missing any more
 */
record Delivery(String prefix, int acked, List<String> refused, int live, int liveDuplicates, int synced, Set<String> lost,
		int storedDuplicates, long settledMillis) {

	/** After a fault the consumers may still work off a backlog: how long a missing message is waited for. */
	static final long SETTLE_MILLIS = 30_000;

	/**
	 * Syncs the recipient until every acknowledged send of {@code traffic} arrived (live or synced) or
	 * {@link #SETTLE_MILLIS} passed, as a client would sync again later.
	 */
	static Delivery settled(Traffic traffic, JsClient... recipientSockets) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
		while (true) {
			Delivery delivery = of(traffic, (System.nanoTime() - start) / 1_000_000, recipientSockets);
			if (delivery.lost().isEmpty() || System.currentTimeMillis() > deadline) {
				return delivery;
			}
			Thread.sleep(500);
		}
	}

	/** Syncs {@code recipient} (its last socket) and checks {@code traffic} against what its sockets received. */
	private static Delivery of(Traffic traffic, long settledMillis, JsClient... recipientSockets) {
		List<JsonNode> synced = Sync.all(null, recipientSockets[recipientSockets.length - 1]).stream()
			.filter(m -> m.path("clientMessageId").asString().startsWith(traffic.prefix() + "-"))
			.toList();
		List<String> liveIds = Arrays.stream(recipientSockets)
			.flatMap(s -> Sync.ids(s.received(ClientEvents.RECEIVE_PRIVATE_MESSAGE)).stream())
			.toList();
		Set<String> received = new HashSet<>(Sync.ids(synced));
		received.addAll(liveIds);
		Set<String> lost = new HashSet<>(traffic.acked().values());
		lost.removeAll(received);
		List<String> clientIds = synced.stream().map(m -> m.path("clientMessageId").asString()).toList();
		int liveOfTraffic = (int) liveIds.stream().filter(traffic.acked()::containsValue).count();
		return new Delivery(traffic.prefix(), traffic.ackedCount(), traffic.refused(), liveOfTraffic,
				liveOfTraffic - (int) liveIds.stream().filter(traffic.acked()::containsValue).distinct().count(),
				synced.size(), lost, clientIds.size() - new HashSet<>(clientIds).size(), settledMillis);
	}

	/** The guarantees: nothing acknowledged is lost, nothing is stored twice. */
	Delivery assertNothingLostOrStoredTwice() {
		assertThat(this.lost).as("%s: acknowledged but never received", this.prefix).isEmpty();
		assertThat(this.storedDuplicates).as("%s: messages stored twice", this.prefix).isZero();
		return this;
	}

	@Override
	public String toString() {
		return String.format("%s: acked %d, refused %d %s, live %d (%d duplicate), synced %d, lost %d, stored twice %d, "
				+ "all acked arrived %d ms after the traffic stopped", this.prefix, this.acked, this.refused.size(),
				summary(this.refused), this.live, this.liveDuplicates, this.synced, this.lost.size(),
				this.storedDuplicates, this.settledMillis);
	}

	private static String summary(List<String> refused) {
		return refused.stream().distinct().map(code -> code + "×" + refused.stream().filter(code::equals).count())
			.toList().toString();
	}

}

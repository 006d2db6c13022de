package org.chat.e2e.chaos;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL the message-service while messages flow across the gateways, keep sending while it is down (the
 * gateways ack once Kafka has the record), retry some acknowledged sends with their clientMessageId, then
 * restart it: every acknowledged message is stored exactly once and reaches the recipient, live or by sync once
 * the restarted instance has worked off the backlog.
 */
@EndToEnd
class MessageServiceCrashIT {

	@Test
	void killedAndRestartedItLosesAndDuplicatesNothing(Chat chat) throws Exception {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		Map<String, String> acked;
		List<String> refused;
		long downMillis;
		Delivery delivery;
		try (Traffic traffic = new Traffic(alice, bob.userId(), "mskill")) {
			traffic.awaitAcked(15, 30_000);
			chat.stack().kill(Stack.messageService(1));
			long killedAt = System.nanoTime();
			traffic.awaitAcked(traffic.ackedCount() + 15, 30_000);
			try {
				chat.stack().restart(Stack.messageService(1));
			}
			finally {
				downMillis = (System.nanoTime() - killedAt) / 1_000_000;
			}
			traffic.awaitAcked(traffic.ackedCount() + 10, 30_000);
			traffic.close();
			acked = traffic.acked();
			refused = traffic.refused();
			// client retries of acknowledged sends, as after a lost ack: same messageId, nothing new stored
			acked.keySet().stream().limit(5).forEach(clientMessageId -> assertThat(
					Sync.untilOk(() -> traffic.send(clientMessageId)).path("messageId").asString()).isEqualTo(acked.get(clientMessageId)));
			// the restarted instance works off what was produced while it was down: wait for that, as a client
			// syncing again later would
			delivery = Delivery.settled(traffic, bob);
		}

		long syncStart = System.nanoTime();
		List<JsonNode> synced = Sync.all(null, bob);
		long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;
		// sync pages through every message stored for bob: one document per clientMessageId, or a duplicate shows
		List<String> storedClientIds = synced.stream().map(m -> m.path("clientMessageId").asString()).toList();
		System.out.printf("[chaos] message-service SIGKILL: acked %d, refused %s, down (kill→ready) %d ms, "
				+ "duplicate clientMessageIds %d, sync %d ms; %s%n", acked.size(), refused, downMillis,
				storedClientIds.size() - new HashSet<>(storedClientIds).size(), syncMillis, delivery);

		delivery.assertNothingLostOrStoredTwice();
		assertThat(storedClientIds).as("one document per clientMessageId").doesNotHaveDuplicates()
			.containsAll(acked.keySet());
		assertThat(Sync.ids(synced)).doesNotHaveDuplicates().containsAll(acked.values());
	}

}

package org.chat.e2e.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chat.contracts.client.ClientEvents.GET_MESSAGES;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SYNC_MESSAGES;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * alice (gw-a) and bob (gw-b) write to each other at the same moment. Whatever the interleaving, there is one
 * conversation order: both histories list the same ids in the same order, each sender's messages keep their send
 * order, live delivery follows it, and sync returns it oldest first.
 */
@EndToEnd
class ConversationOrderIT {

	private static final int EACH = 20;

	@Test
	void bothParticipantsSeeOneOrderWhenBothSendAtOnceFromDifferentGateways(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());

		CompletableFuture<List<JsonNode>> fromAlice = alice.burstAsync(SEND_PRIVATE_MESSAGE, EACH, true, true,
				Payloads.obj("text", "alice {{i}}", "toUserId", bob.userId(), "clientMessageId", "order-{{i}}"));
		CompletableFuture<List<JsonNode>> fromBob = bob.burstAsync(SEND_PRIVATE_MESSAGE, EACH, true, true,
				Payloads.obj("text", "bob {{i}}", "toUserId", alice.userId(), "clientMessageId", "order-{{i}}"));
		List<String> aliceIds = ackedIds(JsClient.get(fromAlice, "alice's burst"));
		List<String> bobIds = ackedIds(JsClient.get(fromBob, "bob's burst"));
		assertThat(Stream.concat(aliceIds.stream(), bobIds.stream()).distinct()).hasSize(2 * EACH);

		List<JsonNode> aliceHistory = storedHistory(alice, bob.userId());
		List<JsonNode> bobHistory = storedHistory(bob, alice.userId());
		assertThat(ids(bobHistory)).as("one order for both participants").isEqualTo(ids(aliceHistory)).hasSize(2 * EACH);

		List<String> oldestFirst = reversed(ids(aliceHistory));
		assertThat(oldestFirst.stream().filter(aliceIds::contains).toList()).as("alice's send order kept")
			.isEqualTo(aliceIds);
		assertThat(oldestFirst.stream().filter(bobIds::contains).toList()).as("bob's send order kept")
			.isEqualTo(bobIds);
		assertThat(texts(reversed(aliceHistory), alice.userId()))
			.isEqualTo(Stream.iterate(0, i -> i + 1).limit(EACH).map(i -> "alice " + i).toList());

		List<JsonNode> liveAtBob = bob.await(RECEIVE_PRIVATE_MESSAGE, m -> true, EACH);
		assertThat(ids(liveAtBob)).as("live delivery in conversation order").isEqualTo(aliceIds);
		List<JsonNode> liveAtAlice = alice.await(RECEIVE_PRIVATE_MESSAGE, m -> true, EACH);
		assertThat(ids(liveAtAlice)).isEqualTo(bobIds);

		List<JsonNode> bobSync = Frames.syncMessages(bob.ack(SYNC_MESSAGES, Payloads.obj("limit", 100)));
		assertThat(ids(bobSync)).as("sync: messages to bob, oldest first, in the conversation order")
			.isEqualTo(aliceIds);
	}

	/**
	 * The conversation's history once it lists all {@code 2 * EACH} messages: queries travel on their own topic, so
	 * an answer right after the acks may not list them all yet.
	 */
	private static List<JsonNode> storedHistory(JsClient me, String other) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Frames.messages(me.ack(GET_MESSAGES, Payloads.obj("otherUserId", other, "limit", 100))),
					history -> history.size() >= 2 * EACH);
	}

	private static List<String> ackedIds(List<JsonNode> outcomes) {
		return outcomes.stream().map(o -> {
			JsonNode ack = o.path("ack").path(0);
			assertThat(Frames.ok(ack)).as("send ack %s", o).isTrue();
			return ack.get("messageId").asString();
		}).toList();
	}

	private static <T> List<T> reversed(List<T> list) {
		List<T> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

	private static List<String> ids(List<JsonNode> messages) {
		return messages.stream().map(m -> m.path("id").asString()).toList();
	}

	private static List<String> texts(List<JsonNode> messages, String sender) {
		return messages.stream()
			.filter(m -> sender.equals(m.path("sender").asString()))
			.map(m -> m.path("text").asString())
			.toList();
	}

}

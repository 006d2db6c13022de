package org.chat.e2e.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chat.contracts.client.ClientEvents.GET_MESSAGES;
import static org.chat.contracts.client.ClientEvents.GET_UNREAD_COUNTS;
import static org.chat.contracts.client.ClientEvents.MESSAGE_DELIVERED;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SYNC_MESSAGES;
import static org.chat.contracts.client.ClientEvents.UNREAD_COUNTS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * bob is offline while alice writes; nothing is pushed to him, everything is acknowledged and stored. When he
 * comes back (on the other gateway) history pages newest first with {@code before}, and sync gives him everything
 * oldest first, page by page, each asking {@code since} the previous answer's {@code next} token (a message id still
 * works as {@code since}); syncing counts as delivery, so alice gets her receipts.
 */
@EndToEnd
class OfflineHistoryAndSyncIT {

	@Test
	void offlineRecipientGetsHistoryAndSyncAndTheSenderGetsReceipts(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		String bob = Chat.user("bob");
		List<Sent> sent = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String text = "while you were away " + i;
			sent.add(Frames.assertSendAck(alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", text, "toUserId", bob,
					"clientMessageId", "away-" + i)), text, alice.userId(), bob, "away-" + i));
		}

		// once alice's history lists all five, the message-service has stored them, so none of them can be pushed
		// to bob when he connects (queries travel on their own topic: the first answers may not list them all yet)
		List<JsonNode> aliceView = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Frames.messages(alice.ack(GET_MESSAGES, Payloads.obj("otherUserId", bob))), v -> v.size() >= 5);
		assertExactly(aliceView, List.of(sent.get(4), sent.get(3), sent.get(2), sent.get(1), sent.get(0)));
		assertThat(alice.received(MESSAGE_DELIVERED)).as("no receipt while bob is offline").isEmpty();

		JsClient bobSocket = chat.online(bob, chat.b());
		bobSocket.emit(GET_UNREAD_COUNTS);
		assertThat(bobSocket.await(UNREAD_COUNTS))
			.isEqualTo(Payloads.JSON.createArrayNode().add(Payloads.obj("userId", alice.userId(), "count", 5)));

		List<JsonNode> newest = Frames
			.messages(bobSocket.ack(GET_MESSAGES, Payloads.obj("otherUserId", alice.userId(), "limit", 3)));
		assertExactly(newest, List.of(sent.get(4), sent.get(3), sent.get(2)));
		List<JsonNode> older = Frames.messages(bobSocket.ack(GET_MESSAGES,
				Payloads.obj("otherUserId", alice.userId(), "limit", 3, "before", sent.get(2).id())));
		assertExactly(older, List.of(sent.get(1), sent.get(0)));

		JsonNode firstPage = bobSocket.ack(SYNC_MESSAGES, Payloads.obj("limit", 2));
		assertExactly(Frames.syncMessages(firstPage), sent.subList(0, 2));
		assertHasMore(firstPage, true);
		JsonNode rest = bobSocket.ack(SYNC_MESSAGES, Payloads.obj("since", Frames.next(firstPage)));
		assertExactly(Frames.syncMessages(rest), sent.subList(2, 5));
		assertHasMore(rest, false);
		JsonNode nothingNew = bobSocket.ack(SYNC_MESSAGES, Payloads.obj("since", Frames.next(rest)));
		assertThat(Frames.syncMessages(nothingNew)).isEmpty();
		assertHasMore(nothingNew, false);
		JsonNode all = bobSocket.ack(SYNC_MESSAGES);
		assertExactly(Frames.syncMessages(all), sent);
		// the older form of since, a message id: "after that message"
		JsonNode afterSecond = bobSocket.ack(SYNC_MESSAGES, Payloads.obj("since", sent.get(1).id()));
		assertExactly(Frames.syncMessages(afterSecond), sent.subList(2, 5));

		for (Sent message : sent) {
			assertThat(alice.await(MESSAGE_DELIVERED, d -> message.id().equals(d.path("messageId").asString())))
				.isEqualTo(Payloads.obj("messageId", message.id(), "toUserId", bob));
		}
		assertThat(bobSocket.received(RECEIVE_PRIVATE_MESSAGE)).as("nothing pushed for messages sent while offline")
			.isEmpty();

		// the token of an empty answer is a cursor like any other: it returns what came after it
		Sent later = Frames.assertSendAck(alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "back again",
				"toUserId", bob, "clientMessageId", "later")), "back again", alice.userId(), bob, "later");
		bobSocket.await(RECEIVE_PRIVATE_MESSAGE, m -> later.id().equals(m.path("id").asString()));
		JsonNode afterEmpty = bobSocket.ack(SYNC_MESSAGES, Payloads.obj("since", Frames.next(nothingNew)));
		assertExactly(Frames.syncMessages(afterEmpty), List.of(later));
	}

	@Test
	void historyOfAnEmptyConversationIsEmpty(Chat chat) {
		JsClient carol = chat.online(Chat.user("carol"), chat.a());

		assertThat(Frames.messages(carol.ack(GET_MESSAGES, Payloads.obj("otherUserId", Chat.user("nobody")))))
			.isEmpty();
		assertThat(Frames.syncMessages(carol.ack(SYNC_MESSAGES, Payloads.obj())))
			.isEmpty();
	}

	private static void assertExactly(List<JsonNode> actual, List<Sent> expected) {
		assertThat(actual).extracting(m -> m.path("id").asString())
			.containsExactlyElementsOf(expected.stream().map(Sent::id).toList());
		for (int i = 0; i < expected.size(); i++) {
			Frames.assertStored(actual.get(i), expected.get(i), false);
		}
	}

	/** {@code hasMore} tells a client whether to ask for the next page; absent counts as false. */
	private static void assertHasMore(JsonNode ack, boolean expected) {
		assertThat(ack.path("hasMore").asBoolean(false)).as("hasMore in %s", ack).isEqualTo(expected);
	}

}

package org.chat.e2e.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.GET_MESSAGES;
import static org.chat.contracts.client.ClientEvents.GET_UNREAD_COUNTS;
import static org.chat.contracts.client.ClientEvents.MARK_MESSAGES_READ;
import static org.chat.contracts.client.ClientEvents.MESSAGES_READ_UPDATE;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.UNREAD_COUNTS;
import static org.chat.contracts.client.ClientEvents.UNREAD_COUNT_UPDATE;

import java.util.List;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unread counters per sender, get_unread_counts, and mark_messages_read seen by both sides and both devices. */
@EndToEnd
class UnreadAndReadIT {

	@Test
	void unreadCountsThenMarkReadReachesSenderAndMyOtherDevice(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient carol = chat.online(Chat.user("carol"), chat.a());
		JsClient bobOnB = chat.online(Chat.user("bob"), chat.b());
		JsClient bobOnA = chat.online(bobOnB.userId(), chat.a());
		String bob = bobOnB.userId();

		Sent first = send(alice, bob, "one");
		Sent second = send(alice, bob, "two");
		send(carol, bob, "from carol");
		bobOnB.await(RECEIVE_PRIVATE_MESSAGE, m -> true, 3);
		assertThat(bobOnB.await(UNREAD_COUNT_UPDATE, u -> alice.userId().equals(u.path("fromUserId").asString())
				&& u.path("count").asInt() == 2))
			.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "count", 2));

		JsonNode countsAck = bobOnB.ack(GET_UNREAD_COUNTS);
		assertThat(Frames.ok(countsAck)).as("get_unread_counts ack %s", countsAck).isTrue();
		assertThat(unreadCounts(bobOnB, 1)).containsExactlyInAnyOrder(
				Payloads.obj("userId", alice.userId(), "count", 2), Payloads.obj("userId", carol.userId(), "count", 1));

		JsonNode readAck = bobOnB.ack(MARK_MESSAGES_READ, Payloads.obj("otherUserId", alice.userId()));
		assertThat(Frames.ok(readAck)).as("mark_messages_read ack %s", readAck).isTrue();

		assertThat(alice.await(MESSAGES_READ_UPDATE)).isEqualTo(Payloads.obj("readByUserId", bob));
		assertThat(bobOnA.await(UNREAD_COUNT_UPDATE, u -> u.path("count").asInt() == 0))
			.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "count", 0));
		assertThat(carol.received(MESSAGES_READ_UPDATE)).as("carol's messages were not read").isEmpty();

		bobOnB.emit(GET_UNREAD_COUNTS);
		assertThat(unreadCounts(bobOnB, 2)).containsExactly(Payloads.obj("userId", carol.userId(), "count", 1));

		List<JsonNode> history = Frames
			.messages(bobOnB.ack(GET_MESSAGES, Payloads.obj("otherUserId", alice.userId())));
		assertThat(history).hasSize(2);
		Frames.assertStored(history.get(0), second, true);
		Frames.assertStored(history.get(1), first, true);
	}

	@Test
	void noUnreadMessagesGiveAnEmptyList(Chat chat) {
		JsClient dave = chat.online(Chat.user("dave"), chat.b());

		dave.emit(GET_UNREAD_COUNTS);

		assertThat(dave.await(UNREAD_COUNTS)).isEqualTo(Payloads.JSON.createArrayNode());
	}

	private static Sent send(JsClient from, String to, String text) {
		return Frames.assertSendAck(from.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", text, "toUserId", to)), text,
				from.userId(), to, null);
	}

	/** The elements of the n-th {@code unread_counts} this socket received. */
	private static List<JsonNode> unreadCounts(JsClient client, int nth) {
		JsonNode counts = client.await(UNREAD_COUNTS, c -> true, nth).get(nth - 1);
		assertThat(counts.isArray()).as("unread_counts is an array: %s", counts).isTrue();
		return counts.valueStream().toList();
	}

}

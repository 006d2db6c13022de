package org.chat.e2e.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.GET_MESSAGES;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
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

/**
 * A client that lost an ack sends again with the same clientMessageId, maybe through the other gateway after a
 * reconnect: it gets the same messageId, one message is stored, the recipient sees it once.
 */
@EndToEnd
class RetriedClientMessageIdIT {

	@Test
	void retryMapsToTheSameMessageStoredAndDeliveredOnce(Chat chat) {
		JsClient aliceOnA = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		JsonNode payload = Payloads.obj("text", "exactly once", "toUserId", bob.userId(), "clientMessageId",
				"retry-42");

		Sent first = Frames.assertSendAck(aliceOnA.ack(SEND_PRIVATE_MESSAGE, payload), "exactly once",
				aliceOnA.userId(), bob.userId(), "retry-42");
		Sent sameSocket = Frames.assertSendAck(aliceOnA.ack(SEND_PRIVATE_MESSAGE, payload), "exactly once",
				aliceOnA.userId(), bob.userId(), "retry-42");
		aliceOnA.disconnect();
		JsClient aliceOnB = chat.online(aliceOnA.userId(), chat.b());
		Sent otherGateway = Frames.assertSendAck(aliceOnB.ack(SEND_PRIVATE_MESSAGE, payload), "exactly once",
				aliceOnA.userId(), bob.userId(), "retry-42");

		assertThat(List.of(sameSocket.id(), otherGateway.id())).containsOnly(first.id());

		// The barrier is a later message of the same conversation: any duplicate would be fanned out before it.
		Sent barrier = Frames.assertSendAck(aliceOnB.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "barrier",
				"toUserId", bob.userId())), "barrier", aliceOnA.userId(), bob.userId(), null);
		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE, m -> barrier.id().equals(m.path("id").asString())),
				barrier, false);
		List<JsonNode> received = bob.received(RECEIVE_PRIVATE_MESSAGE);
		assertThat(received).extracting(m -> m.path("id").asString()).containsExactly(first.id(), barrier.id());
		Frames.assertReceived(received.get(0), first, false);
		bob.await(UNREAD_COUNT_UPDATE, u -> u.path("count").asInt() == 2);
		assertThat(bob.received(UNREAD_COUNT_UPDATE)).extracting(u -> u.path("count").asInt())
			.as("the retry did not count as unread").containsExactly(1, 2);

		List<JsonNode> history = Frames
			.messages(bob.ack(GET_MESSAGES, Payloads.obj("otherUserId", aliceOnA.userId())));
		assertThat(history).extracting(m -> m.path("id").asString()).containsExactly(barrier.id(), first.id());
		Frames.assertStored(history.get(1), first, false);
	}

	@Test
	void theSameClientMessageIdFromAnotherSenderIsAnotherMessage(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient carol = chat.online(Chat.user("carol"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());

		Sent fromAlice = Frames.assertSendAck(alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "a", "toUserId",
				bob.userId(), "clientMessageId", "shared-1")), "a", alice.userId(), bob.userId(), "shared-1");
		Sent fromCarol = Frames.assertSendAck(carol.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "c", "toUserId",
				bob.userId(), "clientMessageId", "shared-1")), "c", carol.userId(), bob.userId(), "shared-1");

		assertThat(fromCarol.id()).isNotEqualTo(fromAlice.id());
		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE, m -> fromAlice.id().equals(m.path("id").asString())),
				fromAlice, false);
		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE, m -> fromCarol.id().equals(m.path("id").asString())),
				fromCarol, false);
	}

}

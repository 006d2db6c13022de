package org.chat.e2e.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.MESSAGE_DELIVERED;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.UNREAD_COUNT_UPDATE;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;

/** One user on several sockets across both gateways: every recipient device and the sender's other devices. */
@EndToEnd
class MultiDeviceIT {

	@Test
	void everyDeviceOfBothUsersSeesTheMessageExceptTheSendingSocket(Chat chat) {
		JsClient aliceOnA = chat.online(Chat.user("alice"), chat.a());
		JsClient aliceOnB = chat.online(aliceOnA.userId(), chat.b());
		JsClient bobOnA = chat.online(Chat.user("bob"), chat.a());
		JsClient bobOnB = chat.online(bobOnA.userId(), chat.b());
		String alice = aliceOnA.userId();
		String bob = bobOnA.userId();

		Sent sent = Frames.assertSendAck(aliceOnA.ack(SEND_PRIVATE_MESSAGE,
				Payloads.obj("text", "to all your phones", "toUserId", bob, "clientMessageId", "multi-1")),
				"to all your phones", alice, bob, "multi-1");

		Frames.assertReceived(bobOnA.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		Frames.assertReceived(bobOnB.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		Frames.assertReceived(aliceOnB.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		for (JsClient device : new JsClient[] { bobOnA, bobOnB }) {
			assertThat(device.await(UNREAD_COUNT_UPDATE)).isEqualTo(Payloads.obj("fromUserId", alice, "count", 1));
		}
		assertThat(aliceOnA.await(MESSAGE_DELIVERED)).isEqualTo(Payloads.obj("messageId", sent.id(), "toUserId", bob));

		// A reply in the same conversation is fanned out after alice's message (one order per conversation), so once
		// the sending socket has the reply it would also have had its own message, had it been sent there.
		Sent reply = Frames.assertSendAck(bobOnB.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "got it", "toUserId",
				alice)), "got it", bob, alice, null);
		Frames.assertReceived(aliceOnA.await(RECEIVE_PRIVATE_MESSAGE), reply, false);
		assertThat(aliceOnA.received(RECEIVE_PRIVATE_MESSAGE)).as("the sending socket got only the reply")
			.hasSize(1);
		Frames.assertReceived(bobOnA.await(RECEIVE_PRIVATE_MESSAGE, m -> reply.id().equals(m.path("id").asString())),
				reply, false);
		assertThat(bobOnB.received(RECEIVE_PRIVATE_MESSAGE)).as("bob's sending socket got only alice's message")
			.hasSize(1);
		assertThat(aliceOnA.received(MESSAGE_DELIVERED)).as("one receipt although bob has two devices").hasSize(1);
	}

}

package org.chat.e2e.messaging;

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
import tools.jackson.databind.JsonNode;

/** alice on gw-a, bob on gw-b: the send ack, the message, the unread count and the delivery receipt, exactly. */
@EndToEnd
class CrossGatewayDeliveryIT {

	@Test
	void messageCrossesGatewaysWithAckReceiptAndUnreadCount(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());

		JsonNode ack = alice.ack(SEND_PRIVATE_MESSAGE,
				Payloads.obj("text", "hello bob", "toUserId", bob.userId(), "clientMessageId", "c-1"));
		Sent sent = Frames.assertSendAck(ack, "hello bob", alice.userId(), bob.userId(), "c-1");

		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		assertThat(bob.await(UNREAD_COUNT_UPDATE))
			.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "count", 1));
		assertThat(alice.await(MESSAGE_DELIVERED))
			.isEqualTo(Payloads.obj("messageId", sent.id(), "toUserId", bob.userId()));

		JsonNode second = alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "again", "toUserId", bob.userId()));
		Sent secondSent = Frames.assertSendAck(second, "again", alice.userId(), bob.userId(), null);
		assertThat(secondSent.id()).isNotEqualTo(sent.id());
		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE, m -> secondSent.id().equals(m.path("id").asString())),
				secondSent, false);
		assertThat(bob.await(UNREAD_COUNT_UPDATE, u -> u.path("count").asInt() == 2))
			.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "count", 2));
		assertThat(alice.await(MESSAGE_DELIVERED, d -> secondSent.id().equals(d.path("messageId").asString())))
			.isEqualTo(Payloads.obj("messageId", secondSent.id(), "toUserId", bob.userId()));
		assertThat(alice.received(MESSAGE_DELIVERED)).as("one receipt per message").hasSize(2);
		assertThat(alice.received(RECEIVE_PRIVATE_MESSAGE)).as("the sending socket does not get its own message")
			.isEmpty();
	}

	@Test
	void messageWithinOneGatewayAlsoWorks(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.b());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());

		Sent sent = Frames.assertSendAck(
				alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "same gateway", "toUserId", bob.userId())),
				"same gateway", alice.userId(), bob.userId(), null);

		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		assertThat(alice.await(MESSAGE_DELIVERED))
			.isEqualTo(Payloads.obj("messageId", sent.id(), "toUserId", bob.userId()));
	}

	@Test
	void unicodeAndMaximumLengthTextArriveIntact(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		// exactly the 4000-character limit; 1000 of them outside the BMP (two UTF-16 units each, so 5000 units),
		// plus quotes, backslashes, markup and control characters that must survive JSON both ways
		String text = "👋".repeat(1000) + "é\"\\<b>\n\t".repeat(375);
		assertThat(text.codePointCount(0, text.length())).isEqualTo(4000);

		Sent sent = Frames.assertSendAck(alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", text, "toUserId",
				bob.userId())), text, alice.userId(), bob.userId(), null);

		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
	}

}

package org.chat.e2e.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.GET_MESSAGES;
import static org.chat.contracts.client.ClientEvents.MARK_MESSAGES_READ;
import static org.chat.contracts.client.ClientEvents.MESSAGES_READ_UPDATE;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.REGISTER_USER;
import static org.chat.contracts.client.ClientEvents.REQUEST_USER_LIST;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.TYPING_INDICATOR_PRIVATE;
import static org.chat.contracts.client.ClientEvents.TYPING_PRIVATE;
import static org.chat.contracts.client.ClientEvents.USER_LIST;

import org.chat.contracts.client.ErrorCode;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;

/** Who did something is the token's subject; a {@code user}/{@code id}/{@code fromUserId} in a payload never is. */
@EndToEnd
class IdentityFromTokenIT {

	@Test
	void spoofedIdentityFieldsAreIgnored(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		String mallory = Chat.user("mallory");

		Sent sent = Frames.assertSendAck(alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "really me",
				"toUserId", bob.userId(), "user", Payloads.obj("id", mallory, "_id", mallory, "name", "Mallory"),
				"id", mallory, "sender", mallory, "fromUserId", mallory)), "really me", alice.userId(), bob.userId(),
				null);
		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE), sent, false);

		alice.emit(TYPING_PRIVATE, Payloads.obj("toUserId", bob.userId(), "isTyping", true, "fromUserId", mallory,
				"user", Payloads.obj("id", mallory)));
		assertThat(bob.await(TYPING_INDICATOR_PRIVATE))
			.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "isTyping", true));

		bob.emit(MARK_MESSAGES_READ, Payloads.obj("otherUserId", alice.userId(), "userId", mallory, "readByUserId",
				mallory, "user", Payloads.obj("id", mallory)));
		assertThat(alice.await(MESSAGES_READ_UPDATE)).isEqualTo(Payloads.obj("readByUserId", bob.userId()));
	}

	@Test
	void registeringAsSomeoneElseIsRefusedAndTheSocketStaysUsable(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		String mallory = Chat.user("mallory");

		Frames.assertAckError(alice.ack(REGISTER_USER, Chat.profile(mallory)), ErrorCode.UNAUTHORIZED.code());
		Frames.assertAckError(alice.ack(REGISTER_USER, Payloads.obj("_id", mallory, "name", "Mallory")),
				ErrorCode.UNAUTHORIZED.code());

		int seen = alice.received(USER_LIST).size();
		assertThat(Frames.ok(alice.ack(REQUEST_USER_LIST))).isTrue();
		var list = alice.awaitAfter(USER_LIST, seen, l -> true);
		assertThat(Chat.listed(list, mallory)).as("mallory never became online: %s", list).isFalse();
		assertThat(Chat.listed(list, alice.userId())).as("alice still online: %s", list).isTrue();
		assertThat(alice.wasDisconnected()).isFalse();
	}

	@Test
	void nobodyReadsAConversationTheyAreNotIn(Chat chat) {
		JsClient bob = chat.online(Chat.user("bob"), chat.a());
		JsClient carol = chat.online(Chat.user("carol"), chat.b());
		JsClient eve = chat.online(Chat.user("eve"), chat.b());
		Sent secret = Frames.assertSendAck(bob.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "secret", "toUserId",
				carol.userId())), "secret", bob.userId(), carol.userId(), null);
		Frames.assertReceived(carol.await(RECEIVE_PRIVATE_MESSAGE), secret, false);

		// eve asks for "her conversation with carol" (and tries to pose as bob): she gets her own, which is empty
		assertThat(Frames.messages(eve.ack(GET_MESSAGES, Payloads.obj("otherUserId", carol.userId(), "user",
				Payloads.obj("id", bob.userId()), "id", bob.userId())))).isEmpty();
		assertThat(Frames.messages(eve.ack(GET_MESSAGES, Payloads.obj("otherUserId", bob.userId())))).isEmpty();
		assertThat(eve.received(RECEIVE_PRIVATE_MESSAGE)).isEmpty();
	}

}

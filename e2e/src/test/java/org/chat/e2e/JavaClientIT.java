package org.chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.MESSAGE_DELIVERED;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.REGISTER_USER;
import static org.chat.contracts.client.ClientEvents.REQUEST_USER_LIST;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.UNREAD_COUNT_UPDATE;
import static org.chat.contracts.client.ClientEvents.USER_LIST;

import org.chat.contracts.client.ErrorCode;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.DevTokens;
import org.chat.e2e.client.EventLog.Received;
import org.chat.e2e.client.JavaClient;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The official Java client (io.socket:socket.io-client 2.x, as in Android apps) talking to a JavaScript client. */
@EndToEnd
class JavaClientIT {

	@Test
	void javaAndJavaScriptClientsChatAcrossGateways(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		String bob = Chat.user("bob");
		try (JavaClient bobSocket = JavaClient.connect(chat.b(), DevTokens.token(chat.b(), bob))) {
			assertThat(Frames.ok(bobSocket.ack(REGISTER_USER, Chat.profile(bob)))).isTrue();
			assertThat(Frames.ok(bobSocket.ack(REQUEST_USER_LIST))).isTrue();
			bobSocket.log().awaitPayloads(USER_LIST, l -> Chat.listed(l, bob), 1, JsClient.WAIT);

			Sent fromJava = Frames.assertSendAck(bobSocket.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text",
					"from the JVM", "toUserId", alice.userId(), "clientMessageId", "jvm-1")), "from the JVM", bob,
					alice.userId(), "jvm-1");
			Frames.assertReceived(alice.await(RECEIVE_PRIVATE_MESSAGE), fromJava, false);
			assertThat(bobSocket.await(MESSAGE_DELIVERED))
				.isEqualTo(Payloads.obj("messageId", fromJava.id(), "toUserId", alice.userId()));

			Sent fromJs = Frames.assertSendAck(alice.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "from node",
					"toUserId", bob)), "from node", alice.userId(), bob, null);
			Frames.assertReceived(bobSocket.await(RECEIVE_PRIVATE_MESSAGE), fromJs, false);
			assertThat(bobSocket.await(UNREAD_COUNT_UPDATE))
				.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "count", 1));

			Frames.assertAckError(bobSocket.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("toUserId", alice.userId())),
					ErrorCode.INVALID_PAYLOAD.code());
			assertThat(bobSocket.connected()).isTrue();
		}
	}

	@Test
	void javaClientWithABadTokenGetsConnectErrorUnauthorized(Chat chat) {
		try (JavaClient client = JavaClient.open(chat.a(), "not-a-token")) {
			JsonNode outcome = client.connectOutcome();

			assertThat(outcome.path("ok").asBoolean()).isFalse();
			assertThat(outcome.path("error").path("message").asString()).isEqualTo("unauthorized");
			assertThat(client.log().all()).extracting(Received::event).containsExactly("connect_error");
		}
	}

}

package org.chat.e2e.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.TYPING_INDICATOR_PRIVATE;
import static org.chat.contracts.client.ClientEvents.TYPING_PRIVATE;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;

/** typing_private → typing_indicator_private on every session of the recipient, on both gateways. */
@EndToEnd
class TypingIT {

	@Test
	void typingStartAndStopReachEveryRecipientSession(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bobOnA = chat.online(Chat.user("bob"), chat.a());
		JsClient bobOnB = chat.online(bobOnA.userId(), chat.b());

		assertThat(Frames.ok(alice.ack(TYPING_PRIVATE, Payloads.obj("toUserId", bobOnA.userId(), "isTyping", true))))
			.isTrue();

		for (JsClient bob : new JsClient[] { bobOnA, bobOnB }) {
			assertThat(bob.await(TYPING_INDICATOR_PRIVATE))
				.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "isTyping", true));
		}

		alice.emit(TYPING_PRIVATE, Payloads.obj("toUserId", bobOnA.userId(), "isTyping", false));

		for (JsClient bob : new JsClient[] { bobOnA, bobOnB }) {
			assertThat(bob.await(TYPING_INDICATOR_PRIVATE, t -> !t.path("isTyping").asBoolean(true)))
				.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "isTyping", false));
		}
		assertThat(alice.received(TYPING_INDICATOR_PRIVATE)).as("the typist is not told about herself").isEmpty();
	}

}

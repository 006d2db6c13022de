package org.chat.e2e.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.TYPING_INDICATOR_PRIVATE;
import static org.chat.contracts.client.ClientEvents.TYPING_PRIVATE;

import java.time.Duration;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.chat.e2e.stack.Stack;
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

	@Test
	void anUnrenewedTypingIndicatorExpiresIntoIsTypingFalse(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.b());
		JsClient bob = chat.online(Chat.user("bob"), chat.a());

		alice.emit(TYPING_PRIVATE, Payloads.obj("toUserId", bob.userId(), "isTyping", true));
		bob.await(TYPING_INDICATOR_PRIVATE);
		long typingSeen = System.nanoTime();

		assertThat(bob.await(TYPING_INDICATOR_PRIVATE, t -> !t.path("isTyping").asBoolean(true)))
			.isEqualTo(Payloads.obj("fromUserId", alice.userId(), "isTyping", false));
		Duration expiredAfter = Duration.ofNanos(System.nanoTime() - typingSeen);
		assertThat(expiredAfter).as("expiry after the configured %s", Stack.TYPING_TIMEOUT)
			.isGreaterThan(Stack.TYPING_TIMEOUT.minusMillis(500))
			.isLessThan(Stack.TYPING_TIMEOUT.plusSeconds(3));
	}

}

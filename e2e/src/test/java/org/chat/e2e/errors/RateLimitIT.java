package org.chat.e2e.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chat.contracts.client.ClientEvents.CHAT_ERROR;
import static org.chat.contracts.client.ClientEvents.REQUEST_USER_LIST;
import static org.chat.contracts.client.ClientEvents.TYPING_PRIVATE;

import java.time.Duration;
import java.util.List;

import org.chat.contracts.client.ErrorCode;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A burst beyond the per-socket token bucket: rate_limited errors, the socket stays, and recovers after a pause. */
@EndToEnd
class RateLimitIT {

	private static final String RATE_LIMITED = ErrorCode.RATE_LIMITED.code();

	@Test
	void aBurstIsRateLimitedWithoutClosingTheSocket(Chat chat) {
		JsClient alice = chat.connect(Chat.user("alice"), chat.a());
		JsonNode typing = Payloads.obj("toUserId", Chat.user("nobody"), "isTyping", true);

		List<JsonNode> outcomes = alice.burst(TYPING_PRIVATE, 150, true, typing);

		assertThat(outcomes).as("every emit of the burst was answered").allMatch(o -> o.has("ack"));
		List<JsonNode> acks = outcomes.stream().map(o -> o.get("ack").get(0)).toList();
		assertThat(acks.subList(0, 10)).as("the first events fit in the bucket").allMatch(Frames::ok);
		List<JsonNode> rejected = acks.stream().filter(a -> !Frames.ok(a)).toList();
		assertThat(rejected).as("a burst of 150 exceeds the bucket").isNotEmpty();
		rejected.forEach(a -> Frames.assertAckError(a, RATE_LIMITED));

		alice.burst(TYPING_PRIVATE, 100, false, typing);
		Frames.assertChatError(alice.await(CHAT_ERROR), TYPING_PRIVATE, RATE_LIMITED);
		assertThat(alice.received(CHAT_ERROR)).allSatisfy(e -> Frames.assertChatError(e, TYPING_PRIVATE, RATE_LIMITED));

		// the bucket refills: within a few seconds a request is accepted again, on the same socket
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Frames.ok(alice.ack(REQUEST_USER_LIST)));
		assertThat(alice.wasDisconnected()).isFalse();
	}

}

package org.chat.e2e.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.DevTokens;
import org.chat.e2e.client.EventLog.Received;
import org.chat.e2e.client.HandMadeTokens;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The CONNECT auth: only a valid token for the configured key gets in; everything else is "unauthorized". */
@EndToEnd
class AuthenticationIT {

	@Test
	void badTokensGetConnectErrorUnauthorizedAndNothingElse(Chat chat) {
		String alice = Chat.user("alice");
		Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
		String[] refused = { null, "", "not-a-jwt", "a.b.c",
				HandMadeTokens.hs256("another-secret-another-secret-another-secret", HandMadeTokens.claims(alice, inAnHour)),
				HandMadeTokens.hs256(Stack.JWT_SECRET,
						HandMadeTokens.claims(alice, Instant.now().minus(Duration.ofMinutes(10)))),
				HandMadeTokens.hs256(Stack.JWT_SECRET, HandMadeTokens.claims(alice, null)),
				HandMadeTokens.hs256(Stack.JWT_SECRET, Payloads.obj("exp", inAnHour.getEpochSecond())),
				HandMadeTokens.unsigned(HandMadeTokens.claims(alice, inAnHour)) };

		for (String token : refused) {
			JsClient client = chat.js().open(alice, chat.a(), token);
			JsonNode outcome = client.connectResult();
			assertThat(outcome.path("ok").asBoolean()).as("token %s refused: %s", token, outcome).isFalse();
			assertThat(outcome.path("error").path("message").asString()).as("token %s", token)
				.isEqualTo("unauthorized");
			assertThat(client.log().all()).as("only the connect_error for token %s", token)
				.extracting(Received::event)
				.containsExactly("connect_error");
		}
	}

	@Test
	void aValidHandMadeTokenIsAcceptedSoTheRefusalsAboveAreForTheirStatedReason(Chat chat) {
		String alice = Chat.user("alice");
		String token = HandMadeTokens.hs256(Stack.JWT_SECRET,
				HandMadeTokens.claims(alice, Instant.now().plus(Duration.ofHours(1))));

		JsClient client = chat.js().connect(alice, chat.b(), token);

		assertThat(Frames.ok(client.ack("request_user_list"))).isTrue();
	}

	@Test
	void aDevTokenFromOneGatewayWorksOnTheOther(Chat chat) {
		String alice = Chat.user("alice");
		String token = DevTokens.token(chat.a(), alice);

		JsClient client = chat.js().connect(alice, chat.b(), token);

		assertThat(client.connectResult().path("ok").asBoolean()).isTrue();
	}

	@Test
	void devTokenRouteRejectsBadUserIds(Chat chat) {
		for (String body : new String[] { "{\"userId\":\"\"}", "{\"userId\":\"a:b\"}", "{\"userId\":{\"$ne\":null}}",
				"{}", "not json", "{\"userId\":\"" + "x".repeat(65) + "\"}" }) {
			HttpResponse<String> response = DevTokens.post(chat.a(), body);
			assertThat(response.statusCode()).as("POST /dev/token %s → %s", body, response.body()).isEqualTo(400);
			assertThat(Payloads.parse(response.body()).path("error").asString()).isEqualTo("invalid_payload");
		}
	}

}

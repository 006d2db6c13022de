package org.chat.e2e.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.REGISTER_USER;

import java.util.ArrayList;
import java.util.List;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.DevTokens;
import org.chat.e2e.client.JsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Apps emit {@code register_user} from their connect handler, the moment the CONNECT packet arrives. That first
 * event must be handled like any other: acknowledged, never dropped because the server was still wiring the socket.
 */
@EndToEnd
class EmitOnConnectIT {

	private static final int SOCKETS = 20;

	@Test
	void theFirstEventEmittedInsideTheConnectHandlerIsAcknowledged(Chat chat) {
		List<JsClient> clients = new ArrayList<>();
		for (int i = 0; i < SOCKETS; i++) {
			String user = Chat.user("eager");
			var gateway = (i % 2 == 0) ? chat.a() : chat.b();
			clients.add(chat.js().openEmittingOnConnect(user, gateway, DevTokens.token(gateway, user), REGISTER_USER,
					Chat.profile(user)));
		}

		for (JsClient client : clients) {
			assertThat(client.connectResult().path("ok").asBoolean()).as("%s connected", client).isTrue();
			JsonNode outcome = client.await("emit_on_connect_ack");
			assertThat(outcome.has("ack")).as("register_user emitted on connect by %s was answered: %s", client, outcome)
				.isTrue();
			assertThat(Frames.ok(outcome.get("ack").get(0))).as("ack %s", outcome).isTrue();
		}
	}

}

package org.chat.e2e.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.REQUEST_USER_LIST;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.USER_LIST;

import java.time.Duration;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The epoch rule end to end: bob's new socket (other gateway) registers before his old socket closes; the old
 * socket's close must not take him offline nor stop deliveries to the new one.
 */
@EndToEnd
class ReconnectRaceIT {

	private static final Duration OBSERVE = Duration.ofSeconds(3);

	@Test
	void closingTheOldSocketAfterTheNewOneRegisteredKeepsTheUserOnline(Chat chat) {
		JsClient carol = chat.online(Chat.user("carol"), chat.a());
		JsClient oldSocket = chat.online(Chat.user("bob"), chat.a());
		String bob = oldSocket.userId();

		JsClient newSocket = chat.online(bob, chat.b());
		oldSocket.disconnect();

		// For a while after the close, every user list carol asks for still shows bob online.
		long until = System.nanoTime() + OBSERVE.toNanos();
		do {
			JsonNode list = requestUserList(carol);
			assertThat(Chat.listed(list, bob)).as("bob online in %s", list).isTrue();
			pause(100); // stay far below the per-socket rate limit
		}
		while (System.nanoTime() < until);

		Sent sent = Frames.assertSendAck(
				carol.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", "still there?", "toUserId", bob)), "still there?",
				carol.userId(), bob, null);
		Frames.assertReceived(newSocket.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		assertThat(oldSocket.received(RECEIVE_PRIVATE_MESSAGE)).isEmpty();
	}

	@Test
	void closingTheLastSocketTakesTheUserOffline(Chat chat) {
		JsClient carol = chat.online(Chat.user("carol"), chat.b());
		JsClient first = chat.online(Chat.user("bob"), chat.a());
		JsClient second = chat.online(first.userId(), chat.b());

		int seen = carol.received(USER_LIST).size();
		first.disconnect();
		second.disconnect();

		carol.awaitAfter(USER_LIST, seen, l -> !Chat.listed(l, first.userId()));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The first user list after the request: the answer, or a broadcast that is at least as new. */
	private static JsonNode requestUserList(JsClient client) {
		int seen = client.received(USER_LIST).size();
		JsonNode ack = client.ack(REQUEST_USER_LIST);
		assertThat(Frames.ok(ack)).as("request_user_list ack %s", ack).isTrue();
		return client.awaitAfter(USER_LIST, seen, l -> true);
	}

}

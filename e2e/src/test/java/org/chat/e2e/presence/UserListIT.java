package org.chat.e2e.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.REGISTER_USER;
import static org.chat.contracts.client.ClientEvents.REQUEST_USER_LIST;
import static org.chat.contracts.client.ClientEvents.USER_LIST;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.client.DevTokens;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** register_user broadcasts user_list to every client on every gateway; request_user_list answers the asker. */
@EndToEnd
class UserListIT {

	@Test
	void registeringBroadcastsExactUserObjectsAndLeavingRemovesThem(Chat chat) {
		JsClient watcher = chat.connect(Chat.user("watcher"), chat.b());
		String alice = Chat.user("alice");
		JsClient aliceSocket = chat.connect(alice, chat.a());

		JsonNode ack = aliceSocket.ack(REGISTER_USER, Chat.profile(alice));
		assertThat(Frames.ok(ack)).as("register_user ack %s", ack).isTrue();

		JsonNode list = watcher.await(USER_LIST, l -> Chat.listed(l, alice));
		assertThat(entry(list, alice)).isEqualTo(expectedUser(alice));
		assertThat(Chat.listed(list, watcher.userId())).as("an unregistered socket is not online").isFalse();
		// other users (of other scenarios) may have registered without email or avatar: those keys are then absent
		list.valueStream().forEach(user -> {
			assertThat(Frames.keys(user)).as("User %s", user)
				.contains("id", "_id", "isOnline")
				.isSubsetOf("id", "_id", "name", "email", "avatar", "isOnline");
			assertThat(user.get("_id")).isEqualTo(user.get("id"));
			assertThat(user.get("isOnline").asBoolean()).as("online users only: %s", user).isTrue();
		});
		assertThat(entry(aliceSocket.await(USER_LIST, l -> Chat.listed(l, alice)), alice))
			.isEqualTo(expectedUser(alice));

		int seen = watcher.received(USER_LIST).size();
		aliceSocket.disconnect();
		watcher.awaitAfter(USER_LIST, seen, l -> !Chat.listed(l, alice));
	}

	@Test
	void requestUserListAnswersTheAskerWithCurrentUsers(Chat chat) {
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		JsClient carol = chat.online(Chat.user("carol"), chat.a());
		int seen = carol.received(USER_LIST).size();

		JsonNode ack = carol.ack(REQUEST_USER_LIST);

		assertThat(Frames.ok(ack)).as("request_user_list ack %s", ack).isTrue();
		JsonNode list = carol.awaitAfter(USER_LIST, seen, l -> true);
		assertThat(entry(list, bob.userId())).isEqualTo(expectedUser(bob.userId()));
		assertThat(entry(list, carol.userId())).isEqualTo(expectedUser(carol.userId()));
	}

	static JsonNode expectedUser(String userId) {
		return Payloads.obj("id", userId, "_id", userId, "name", DevTokens.displayName(userId), "email",
				userId + "@example.test", "avatar", "https://avatars.example.test/" + userId + ".png", "isOnline", true);
	}

	static JsonNode entry(JsonNode list, String userId) {
		return list.valueStream()
			.filter(u -> userId.equals(u.path("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(userId + " not in " + list));
	}

}

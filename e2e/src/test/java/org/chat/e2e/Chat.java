package org.chat.e2e;

import java.net.URI;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.client.DevTokens;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.JsDriver;
import org.chat.e2e.client.Payloads;
import org.chat.e2e.client.TestUsers;
import org.chat.e2e.stack.Stack;
import tools.jackson.databind.JsonNode;

/**
 * What a scenario gets: the shared {@link Stack} and its own {@link JsDriver} (closed after the test, which
 * disconnects every socket it opened). Connecting goes the way a real client does: a dev token from a gateway,
 * then the Socket.IO handshake with {@code auth: {token}}.
 */
public final class Chat {

	private final Stack stack;

	private final JsDriver js;

	Chat(Stack stack, JsDriver js) {
		this.stack = stack;
		this.js = js;
	}

	public Stack stack() {
		return this.stack;
	}

	public JsDriver js() {
		return this.js;
	}

	public URI a() {
		return this.stack.gatewayA();
	}

	public URI b() {
		return this.stack.gatewayB();
	}

	/** The client URI of any gateway process, e.g. {@code gateway-c}. */
	public URI gateway(String name) {
		return this.stack.uri(name);
	}

	public static String user(String base) {
		return TestUsers.unique(base);
	}

	/** A connected socket (token from the same gateway); no register_user yet. */
	public JsClient connect(String userId, URI gateway) {
		return this.js.connect(userId, gateway, DevTokens.token(gateway, userId));
	}

	/**
	 * A connected and registered socket whose session presence has recorded, so deliveries route to it: after
	 * {@code register_user}, a {@code request_user_list} is answered by the presence-service from the same
	 * partition (key: user id) only after the socket's open and register were applied.
	 */
	public JsClient online(String userId, URI gateway) {
		JsClient client = connect(userId, gateway);
		register(client);
		return client;
	}

	/** {@code register_user} with the profile tests expect ({@link #profile}), then waits as in {@link #online}. */
	public static void register(JsClient client) {
		client.ack(ClientEvents.REGISTER_USER, profile(client.userId()));
		client.ack(ClientEvents.REQUEST_USER_LIST);
		client.await(ClientEvents.USER_LIST, list -> listed(list, client.userId()));
	}

	/** The User a test registers: name from the id, email and avatar derived from it. */
	public static JsonNode profile(String userId) {
		return Payloads.obj("id", userId, "name", DevTokens.displayName(userId), "email", userId + "@example.test",
				"avatar", "https://avatars.example.test/" + userId + ".png");
	}

	public static boolean listed(JsonNode userList, String userId) {
		return userList.isArray() && userList.valueStream().anyMatch(u -> userId.equals(u.path("id").asString()));
	}

}

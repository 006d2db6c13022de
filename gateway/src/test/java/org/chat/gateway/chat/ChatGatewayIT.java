package org.chat.gateway.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.gateway.GatewayApplication;
import org.chat.gateway.chat.KafkaTap.Received;
import org.chat.gateway.fanout.FanoutSubscriber;
import org.chat.testsupport.TestInfra;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat gateway against real Kafka and Redis, driven by the official Java Socket.IO client. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.dev.enabled=true", "chat.gateway.redis-timeout=10s", "chat.gateway.id=" + ChatGatewayIT.GATEWAY,
				// the latency loop sends faster than a client may; rate limiting has its own tests
				"chat.limits.rate.events-per-second=100000", "chat.limits.rate.burst=100000" })
class ChatGatewayIT {

	static final String GATEWAY = "gw-it-1";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static KafkaTap tap;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	FanoutSubscriber fanout;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfra.registerSpringProperties(registry);
	}

	@BeforeAll
	static void openTap() {
		tap = new KafkaTap(TestInfra.get().kafkaBootstrapServers());
	}

	@AfterAll
	static void closeTap() {
		tap.close();
	}

	@Test
	void sendIsProducedKeyedByConversationAndAckedWithItsIdAfterKafka() throws Exception {
		String alice = unique("alice");
		try (TestClient client = new TestClient(this.port, devToken(alice, "Alice"))) {
			String sid = client.awaitConnected();
			Received opened = tap.await(r -> r.envelope().eventType() == EventType.SESSION_OPENED
					&& r.envelope().sessionId().equals(sid), WAIT);
			assertThat(opened.topic()).isEqualTo(Topics.PRESENCE);
			assertThat(opened.key()).isEqualTo(alice);
			assertThat(opened.envelope().gatewayId()).isEqualTo(GATEWAY);
			assertThat(opened.envelope().epoch()).isEqualTo(epochOf(alice));

			JSONObject payload = new JSONObject().put("toUserId", "bob")
				.put("text", "hello")
				.put("clientMessageId", "c-1")
				.put("user", new JSONObject().put("id", "mallory"));
			JSONObject ack = client.emitWithAck(ClientEvents.SEND_PRIVATE_MESSAGE, payload).get(30, TimeUnit.SECONDS);
			assertThat(ack.getBoolean("ok")).isTrue();
			String messageId = ack.getString("messageId");

			Received sent = tap.await(r -> r.envelope().eventType() == EventType.MESSAGE_SEND
					&& r.envelope().sessionId().equals(sid), WAIT);
			assertThat(sent.topic()).isEqualTo(Topics.MESSAGES);
			assertThat(sent.key()).isEqualTo(org.chat.contracts.ConversationId.of(alice, "bob"));
			assertThat(sent.envelope().userId()).isEqualTo(alice);
			assertThat(sent.envelope().epoch()).isEqualTo(opened.envelope().epoch());
			SendMessage message = sent.envelope().payloadAs(SendMessage.class);
			assertThat(message.messageId()).isEqualTo(messageId);
			assertThat(message.text()).isEqualTo("hello");
			assertThat(message.createdAt()).isEqualTo(Instant.parse(ack.getString("createdAt")));

			JSONObject retry = client.emitWithAck(ClientEvents.SEND_PRIVATE_MESSAGE, payload).get(30, TimeUnit.SECONDS);
			assertThat(retry.getString("messageId")).isEqualTo(messageId);
		}
	}

	@Test
	void badInputIsRefusedOnTheSameSocket() throws Exception {
		try (TestClient client = new TestClient(this.port, devToken(unique("carol"), null), ClientEvents.CHAT_ERROR)) {
			client.awaitConnected();
			JSONObject ack = client
				.emitWithAck(ClientEvents.SEND_PRIVATE_MESSAGE,
						new JSONObject().put("toUserId", new JSONObject().put("$ne", JSONObject.NULL)).put("text", "x"))
				.get(30, TimeUnit.SECONDS);
			assertThat(ack.getBoolean("ok")).isFalse();
			assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("invalid_payload");
			client.socket.emit("no_such_event", new JSONObject());
			TestClient.Event error = client.nextEvent(WAIT);
			assertThat(((JSONObject) error.data()).getString("code")).isEqualTo("unknown_event");
			assertThat(((JSONObject) error.data()).getString("event")).isEqualTo("no_such_event");
			assertThat(client.socket.connected()).isTrue();
		}
	}

	@Test
	void fanOutReachesTheSocketAndReportsDelivery() throws Exception {
		this.fanout.subscribed().block(WAIT);
		String dave = unique("dave");
		try (TestClient client = new TestClient(this.port, devToken(dave, null), ClientEvents.RECEIVE_PRIVATE_MESSAGE)) {
			String sid = client.awaitConnected();
			tap.await(r -> r.envelope().eventType() == EventType.SESSION_OPENED && r.envelope().sessionId().equals(sid),
					WAIT);
			MessageView view = MessageView.of("65a1b2c3d4e5f60718293a4b", "hi dave", "erin", dave, false,
					Instant.parse("2026-01-01T00:00:00Z"), null);
			GatewayMessage message = GatewayMessage.toUsers(List.of(dave), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
				.withReceipt(new DeliveryReceipt(view.id(), "erin"));
			this.redis.convertAndSend(Channels.gateway(GATEWAY), message.toJson()).block(WAIT);

			TestClient.Event received = client.nextEvent(WAIT);
			JSONObject data = (JSONObject) received.data();
			assertThat(data.getString("_id")).isEqualTo(view.id());
			assertThat(data.getString("fromUserId")).isEqualTo("erin");
			Received delivered = tap.await(r -> r.envelope().eventType() == EventType.MESSAGE_DELIVERED
					&& r.envelope().sessionId().equals(sid), WAIT);
			assertThat(delivered.key()).isEqualTo(org.chat.contracts.ConversationId.of(dave, "erin"));
			assertThat(delivered.envelope().userId()).isEqualTo(dave);
			assertThat(delivered.envelope().payloadAs(MessageDelivered.class))
				.isEqualTo(new MessageDelivered(view.id(), "erin"));
		}
	}

	@Test
	void aQueryIsAnsweredByTheServicesReplyThroughRedis() throws Exception {
		this.fanout.subscribed().block(WAIT);
		try (TestClient client = new TestClient(this.port, devToken(unique("frank"), null), ClientEvents.UNREAD_COUNTS)) {
			String sid = client.awaitConnected();
			var answer = client.emitWithAck(ClientEvents.GET_UNREAD_COUNTS);
			Received query = tap.await(r -> r.envelope().eventType() == EventType.UNREAD_COUNTS_QUERY
					&& r.envelope().sessionId().equals(sid), WAIT);
			GatewayMessage reply = GatewayMessage.reply(sid, query.envelope().eventId(), ClientEvents.UNREAD_COUNTS,
					List.of(new Count("bob", 2)), Json.MAPPER.readTree("{\"ok\":true,\"counts\":[{\"userId\":\"bob\",\"count\":2}]}"));
			this.redis.convertAndSend(Channels.gateway(GATEWAY), reply.toJson()).block(WAIT);
			JSONObject ack = answer.get(30, TimeUnit.SECONDS);
			assertThat(ack.getBoolean("ok")).isTrue();
			assertThat(ack.getJSONArray("counts").getJSONObject(0).getInt("count")).isEqualTo(2);
			assertThat(((JSONArray) client.nextEvent(WAIT).data()).getJSONObject(0).getString("userId")).isEqualTo("bob");
		}
	}

	@Test
	void badTokensGetUnauthorizedAndDevTokenRouteAndLivenessExist() throws Exception {
		for (String token : new String[] { null, "garbage", devToken("alice", null) + "x" }) {
			try (TestClient client = new TestClient(this.port, token)) {
				assertThat(client.connectError.get(30, TimeUnit.SECONDS)).isEqualTo("unauthorized");
				assertThat(client.connected).as("never connected").isCompletedExceptionally();
			}
		}
		assertThat(this.redis.getExpire(PresenceKeys.gatewayAlive(GATEWAY)).block(WAIT)).isPositive();
		assertThat(this.redis.opsForSet().isMember(PresenceKeys.GATEWAYS, GATEWAY).block(WAIT)).isTrue();
		HttpResponse<String> ready = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"UP\"");
	}

	private long epochOf(String user) {
		return Long.parseLong(this.redis.opsForValue().get(PresenceKeys.epoch(user)).block(WAIT));
	}

	private String devToken(String userId, String name) throws Exception {
		return DevTokens.issue(this.port, userId, name);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	record Count(String userId, int count) {
	}

}

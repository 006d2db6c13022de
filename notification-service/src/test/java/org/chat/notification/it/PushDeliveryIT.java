package org.chat.notification.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.chat.contracts.ConversationId;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.NotificationPrefs;
import org.chat.contracts.events.RegisterPushToken;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.Json;
import org.chat.contracts.push.PushCollections;
import org.chat.contracts.routing.SessionEntry;
import org.chat.notification.NotificationServiceApplication;
import org.chat.notification.decide.MessageLogConsumer;
import org.chat.notification.fixture.FakePushServices;
import org.chat.notification.fixture.FakePushServices.Answer;
import org.chat.notification.fixture.FakePushServices.Request;
import org.chat.notification.fixture.FcmServiceAccount;
import org.chat.notification.fixture.MockApns;
import org.chat.notification.fixture.WebPushKeys;
import org.chat.notification.settings.PushUsers;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification-service against real Kafka, Redis and the Mongo store, with a local Web Push service and
 * FCM (plus Google's token endpoint) and Pushy's mock APNs server. Records are produced as the gateways
 * produce them; each test uses its own users, so the tests share one running service.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PushDeliveryIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final KeyPair VAPID = WebPushKeys.p256();

	private static final String VAPID_PUBLIC = WebPushKeys.base64Url(WebPushKeys.uncompressed((ECPublicKey) VAPID.getPublic()));

	private static FakePushServices services;

	private static MockApns apns;

	private static FcmServiceAccount fcm;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	MessageLogConsumer messageLog;

	@Autowired
	PushUsers users;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	@Autowired
	HealthEndpoint health;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) throws Exception {
		TestInfra.registerSpringProperties(registry);
		Path dir = Files.createTempDirectory("push-it");
		services = new FakePushServices();
		apns = new MockApns(dir);
		fcm = new FcmServiceAccount(dir, services.baseUrl() + "/token");
		registry.add("management.server.port", () -> "0");
		registry.add("chat.push.partitions", () -> "3");
		registry.add("chat.push.retry.initial", () -> "200ms");
		registry.add("chat.push.webpush.public-key", () -> VAPID_PUBLIC);
		registry.add("chat.push.webpush.private-key", () -> WebPushKeys.privateBase64Url((ECPrivateKey) VAPID.getPrivate()));
		registry.add("chat.push.webpush.subject", () -> "mailto:ops@chat.test");
		registry.add("chat.push.webpush.allow-http-endpoints", () -> "true");
		registry.add("chat.push.apns.signing-key-file", () -> apns.signingKeyFile().toString());
		registry.add("chat.push.apns.team-id", () -> MockApns.TEAM_ID);
		registry.add("chat.push.apns.key-id", () -> MockApns.KEY_ID);
		registry.add("chat.push.apns.topic", () -> MockApns.TOPIC);
		registry.add("chat.push.apns.host", () -> "localhost");
		registry.add("chat.push.apns.port", () -> apns.port());
		registry.add("chat.push.apns.trusted-server-certificate", () -> apns.certificateFile().toString());
		registry.add("chat.push.fcm.service-account-file", () -> fcm.file().toString());
		registry.add("chat.push.fcm.base-url", () -> services.baseUrl());
	}

	@AfterAll
	static void stopFakes() throws Exception {
		services.close();
		apns.close();
	}

	@BeforeEach
	void decoderReadsTheLog() {
		await().atMost(WAIT).until(this.messageLog::isAssigned);
	}

	@Test
	void readinessCoversTheStoreRedisKafkaWithBothListenersAndTheDecidersPartitions() {
		await().atMost(WAIT).untilAsserted(() -> {
			var readiness = (CompositeHealthDescriptor) this.health.healthForPath("readiness");
			assertThat(readiness.getStatus()).isEqualTo(Status.UP);
			assertThat(readiness.getComponents()).containsOnlyKeys("kafka", "messageLog", "mongo", "readinessState",
					"redis");
			assertThat(((IndicatedHealthDescriptor) readiness.getComponents().get("kafka")).getDetails())
				.containsEntry("listeners",
						Map.of(Topics.PUSH_SENDER_GROUP, true, Topics.PUSH_SETTINGS_GROUP, true));
		});
	}

	@Test
	void anOfflineRecipientGetsAWebPushThatOnlyItsKeysDecrypt() throws Exception {
		String bob = user("bob");
		Browser browser = new Browser(bob);
		register(bob, browser.registration());
		String messageId = send("alice", bob, "hi Bob, are you there?");

		Request push = services.next(browser.path, WAIT.toSeconds());
		assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(push.header("TTL")).isEqualTo("86400");
		assertThat(push.header("Urgency")).isEqualTo("high");
		assertThat(push.header("Topic")).isEqualTo(collapseId(bob, "alice"));
		String claims = WebPushKeys.verifyVapid(push.header("Authorization"), VAPID_PUBLIC, services.baseUrl());
		assertThat(claims).contains("\"sub\":\"mailto:ops@chat.test\"");
		JsonNode payload = browser.decrypt(push);
		assertThat(payload.get("type").asString()).isEqualTo("message");
		assertThat(payload.get("from").asString()).isEqualTo("alice");
		assertThat(payload.get("title").asString()).isEqualTo("alice");
		assertThat(payload.get("body").asString()).isEqualTo("hi Bob, are you there?");
		assertThat(payload.get("messageId").asString()).isEqualTo(messageId);
		assertThat(payload.get("unread").asString()).isEqualTo("1");
		assertThat(payload.get("tag").asString()).isEqualTo(collapseId(bob, "alice"));
		assertThat(this.meters.get("chat.push.latency").tag("platform", "webpush").timer().count()).isPositive();

		// read on another device: the notification is dismissed everywhere with the new badge
		produce(ConversationId.of(bob, "alice"), EventType.MESSAGES_READ, bob, new MarkRead("alice"));
		JsonNode dismiss = browser.decrypt(services.next(browser.path, WAIT.toSeconds()));
		assertThat(dismiss.get("type").asString()).isEqualTo("read");
		assertThat(dismiss.get("tag").asString()).isEqualTo(collapseId(bob, "alice"));
		assertThat(dismiss.get("unread").asString()).isEqualTo("0");
	}

	@Test
	void anApnsPushCarriesTokenAuthTopicCollapseIdAndTheTotalUnreadAsBadge() throws Exception {
		String carol = user("carol");
		String token = apns.newToken();
		register(carol, new RegisterPushToken("iphone", "apns", token, null));
		// the store counted 2 from zed already; this message is past the counter's watermark: 3 in all
		this.mongo.getCollection(PushCollections.UNREAD_COUNTERS).insertOne(new Document("_id", carol + "|zed")
			.append("recipient", carol).append("sender", "zed").append("count", 2).append("partition", 0)
			.append("upTo", 0L));
		send("alice", carol, "lunch?");

		MockApns.Received push = apns.next(token, WAIT.toSeconds());
		assertThat(push.rejection()).as("the mock server validated the JWT, topic and token").isNull();
		assertThat(push.headers()).containsEntry(":path", "/3/device/" + token)
			.containsEntry("apns-topic", MockApns.TOPIC)
			.containsEntry("apns-collapse-id", collapseId(carol, "alice"))
			.containsEntry("apns-push-type", "alert")
			.containsEntry("apns-priority", "10");
		assertThat(push.headers().get("authorization")).startsWith("bearer ");
		JsonNode aps = Json.MAPPER.readTree(push.payload()).get("aps");
		assertThat(aps.get("badge").asInt()).isEqualTo(3);
		assertThat(aps.at("/alert/title").asString()).isEqualTo("alice");
		assertThat(aps.at("/alert/body").asString()).isEqualTo("lunch?");
		assertThat(aps.get("thread-id").asString()).isEqualTo(collapseId(carol, "alice"));
		assertThat(Json.MAPPER.readTree(push.payload()).get("from").asString()).isEqualTo("alice");
	}

	@Test
	void anFcmRequestFollowsTheHttpV1ContractWithTheServiceAccountsOAuthToken() throws Exception {
		String dave = user("dave");
		register(dave, new RegisterPushToken("pixel", "fcm", "fcm-token-" + dave, null));
		String messageId = send("alice", dave, "see you at 8");

		Request push = services.next("/v1/", WAIT.toSeconds());
		assertThat(push.path()).isEqualTo("/v1/projects/" + FcmServiceAccount.PROJECT + "/messages:send");
		assertThat(push.header("Authorization")).isEqualTo("Bearer test-access-token");
		assertThat(services.requests("/token")).isNotEmpty()
			.allSatisfy(grant -> fcm.verifyGrant(grant.bodyText()));
		JsonNode message = Json.MAPPER.readTree(push.body()).get("message");
		assertThat(message.get("token").asString()).isEqualTo("fcm-token-" + dave);
		assertThat(message.at("/notification/title").asString()).isEqualTo("alice");
		assertThat(message.at("/notification/body").asString()).isEqualTo("see you at 8");
		assertThat(message.at("/android/collapse_key").asString()).isEqualTo(collapseId(dave, "alice"));
		assertThat(message.at("/android/notification/tag").asString()).isEqualTo(collapseId(dave, "alice"));
		assertThat(message.at("/android/notification/notification_count").asInt()).isEqualTo(1);
		assertThat(message.at("/apns/headers/apns-collapse-id").asString()).isEqualTo(collapseId(dave, "alice"));
		assertThat(message.get("data").properties()).allSatisfy(field -> assertThat(field.getValue().isString())
			.as("FCM data values must be strings: %s", field.getKey()).isTrue());
		assertThat(message.at("/data/messageId").asString()).isEqualTo(messageId);
	}

	@Test
	void aRecipientWhoseSocketGotTheMessageIsNotPushed() throws Exception {
		String erin = user("erin");
		Browser browser = new Browser(erin);
		register(erin, browser.registration());
		online(erin);
		double delivered = skipped("delivered");
		String messageId = send("alice", erin, "you are online");
		produce(ConversationId.of(erin, "alice"), EventType.MESSAGE_DELIVERED, erin,
				new MessageDelivered(messageId, "alice"));

		await().atMost(WAIT).until(() -> skipped("delivered") == delivered + 1);
		offline(erin);
		// the same device is pushed for a later message, which proves it was reachable all along
		send("alice", erin, "now you are not");
		JsonNode payload = browser.decrypt(services.next(browser.path, WAIT.toSeconds()));
		assertThat(payload.get("body").asString()).isEqualTo("now you are not");
		assertThat(services.requests(browser.path)).hasSize(1);
	}

	@Test
	void anOnlineRecipientWithoutAReceiptWithinTheGraceIsPushed() throws Exception {
		String faye = user("faye");
		Browser browser = new Browser(faye);
		register(faye, browser.registration());
		online(faye);
		Instant sent = Instant.now();
		send("alice", faye, "your app is in the background");
		JsonNode payload = browser.decrypt(services.next(browser.path, WAIT.toSeconds()));
		assertThat(payload.get("body").asString()).isEqualTo("your app is in the background");
		assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void readOnAnotherDeviceWithinTheGraceCancelsThePush() throws Exception {
		String gus = user("gus");
		Browser browser = new Browser(gus);
		register(gus, browser.registration());
		online(gus);
		double read = skipped("read");
		send("alice", gus, "read it on your laptop");
		produce(ConversationId.of(gus, "alice"), EventType.MESSAGES_READ, gus, new MarkRead("alice"));

		await().atMost(WAIT).until(() -> skipped("read") == read + 1);
		offline(gus);
		send("bob", gus, "from bob");
		assertThat(browser.decrypt(services.next(browser.path, WAIT.toSeconds())).get("from").asString())
			.isEqualTo("bob");
		assertThat(services.requests(browser.path)).hasSize(1);
	}

	@Test
	void aMutedSenderIsNeverPushedAndPreviewsOffHideTheText() throws Exception {
		String hal = user("hal");
		Browser browser = new Browser(hal);
		register(hal, browser.registration());
		produce(hal, EventType.NOTIFICATION_PREFS, hal, new NotificationPrefs(false, List.of("spammer")));
		await().atMost(WAIT).until(() -> !this.users.find(hal).previews());
		double muted = skipped("muted");
		send("spammer", hal, "buy now");
		await().atMost(WAIT).until(() -> skipped("muted") == muted + 1);

		send("alice", hal, "a secret");
		Request push = services.next(browser.path, WAIT.toSeconds());
		JsonNode payload = browser.decrypt(push);
		assertThat(payload.get("from").asString()).isEqualTo("alice");
		assertThat(payload.get("body").asString()).isEqualTo("New message");
		assertThat(new String(WebPushKeys.decrypt(push.body(), browser.keys, browser.auth), StandardCharsets.UTF_8))
			.doesNotContain("secret");
		assertThat(services.requests(browser.path)).hasSize(1);
	}

	@Test
	void goneTokensAreRemoved() throws Exception {
		String ivy = user("ivy");
		Browser browser = new Browser(ivy);
		services.script(browser.path, new Answer(410, Map.of(), "subscription expired"));
		String token = apns.newToken();
		apns.unregister(token);
		register(ivy, browser.registration());
		register(ivy, new RegisterPushToken("old-iphone", "apns", token, null));
		register(ivy, new RegisterPushToken("tablet", "fcm", "fcm-gone-" + ivy, null));
		services.script("/v1/", new Answer(404, Map.of("Content-Type", "application/json"),
				"{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":"
						+ "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}"));
		send("alice", ivy, "anyone?");

		await().atMost(WAIT).until(() -> this.users.find(ivy).devices().isEmpty());
		assertThat(this.meters.get("chat.push.tokens.removed").counters()).extracting(c -> c.getId().getTag("platform"))
			.contains("webpush", "apns", "fcm");
	}

	@Test
	void aProviderOutageDelaysPushesAndLosesNone() throws Exception {
		String jo = user("jo");
		Browser browser = new Browser(jo);
		services.script(browser.path, new Answer(503, Map.of("Retry-After", "1"), null),
				new Answer(503, Map.of(), null), new Answer(429, Map.of("Retry-After", "1"), null));
		register(jo, browser.registration());
		String first = send("alice", jo, "during the outage");
		String second = send("bob", jo, "also during the outage");

		await().atMost(WAIT).until(() -> accepted(browser.path).size() == 2);
		List<JsonNode> delivered = new java.util.ArrayList<>();
		for (Request push : accepted(browser.path)) {
			delivered.add(browser.decrypt(push));
		}
		assertThat(delivered).extracting(p -> p.get("messageId").asString()).containsExactlyInAnyOrder(first, second);
		assertThat(this.meters.get("chat.push.failed").tag("platform", "webpush").tag("reason", "retry").counter()
			.count()).isGreaterThanOrEqualTo(3);
	}

	// --- helpers -------------------------------------------------------------------------------------------

	/** A browser: its own P-256 key pair and auth secret, its own endpoint path. */
	private static final class Browser {

		final KeyPair keys = WebPushKeys.p256();

		final byte[] auth = WebPushKeys.authSecret();

		final String path;

		Browser(String user) {
			this.path = "/wp/" + user;
		}

		RegisterPushToken registration() {
			return new RegisterPushToken("browser", "webpush", null,
					new RegisterPushToken.WebPushSubscription(services.baseUrl() + this.path,
							WebPushKeys.base64Url(WebPushKeys.uncompressed((ECPublicKey) this.keys.getPublic())),
							WebPushKeys.base64Url(this.auth)));
		}

		JsonNode decrypt(Request push) throws Exception {
			return Json.MAPPER.readTree(WebPushKeys.decrypt(push.body(), this.keys, this.auth));
		}

	}

	private static String user(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private void register(String user, RegisterPushToken registration) {
		produce(user, EventType.PUSH_TOKEN_REGISTER, user, registration);
		await().atMost(WAIT)
			.until(() -> this.users.find(user).devices().stream()
				.anyMatch(d -> d.deviceId().equals(registration.deviceId())));
	}

	private String send(String from, String to, String text) {
		String messageId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
		produce(ConversationId.of(from, to), EventType.MESSAGE_SEND, from,
				new SendMessage(messageId, to, text, null, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		return messageId;
	}

	private void produce(String key, EventType type, String user, Object payload) {
		Envelope envelope = Envelope.of(type, UUID.randomUUID().toString(), new SessionRef(user, "s1", "gw-1", 1),
				payload);
		this.kafka.send(new ProducerRecord<>(type.topic(), key, envelope.toBytes())).join();
	}

	private void online(String user) {
		this.redis.opsForHash().put(PresenceKeys.sessions(user), "s1",
				new SessionEntry("gw-1", 1, true, System.currentTimeMillis()).toJson());
	}

	private void offline(String user) {
		this.redis.delete(PresenceKeys.sessions(user));
	}

	private static List<Request> accepted(String path) {
		return services.requests(path).stream().filter(r -> r.status() == 201).toList();
	}

	private double skipped(String reason) {
		var counter = this.meters.find("chat.push.skipped").tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

	/** Computed here from its definition: SHA-256 of the conversation id, 22 base64url characters. */
	private static String collapseId(String a, String b) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest(ConversationId.of(a, b).getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
	}

}

package org.chat.gateway.chat;

import java.util.Base64;

import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.events.NotificationPrefs;
import org.chat.contracts.events.RegisterPushToken;
import org.chat.contracts.events.UnregisterPushToken;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.RecordingAck;
import org.chat.gateway.fakes.RecordingPublisher.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The push events go through the same rate limit, validation and produce path as every other event. */
class PushEventsTest {

	private static final String P256DH = Base64.getUrlEncoder().withoutPadding().encodeToString(point());

	private static final String AUTH = "AAECAwQFBgcICQoLDA0ODw";

	private final ChatHarness chat = new ChatHarness();

	private FakeSocket socket;

	@BeforeEach
	void connect() {
		this.socket = this.chat.connect("alice", "s1");
		this.chat.publisher.sent().clear();
	}

	@Test
	void aWebPushSubscriptionIsProducedKeyedByTheTokenUser() {
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.REGISTER_PUSH_TOKEN, "{\"platform\":\"webpush\",\"deviceId\":\"browser-1\","
				+ "\"subscription\":{\"endpoint\":\"https://push.example/abc\",\"expirationTime\":null,"
				+ "\"keys\":{\"p256dh\":\"" + P256DH + "\",\"auth\":\"" + AUTH + "\"}}}", ack);
		Sent sent = this.chat.publisher.only();
		assertThat(sent.topic()).isEqualTo(Topics.PUSH_SETTINGS);
		assertThat(sent.key()).isEqualTo("alice");
		assertThat(sent.type()).isEqualTo(EventType.PUSH_TOKEN_REGISTER);
		assertThat(sent.envelope().userId()).isEqualTo("alice");
		assertThat(sent.envelope().payloadAs(RegisterPushToken.class)).isEqualTo(new RegisterPushToken("browser-1",
				"webpush", null, new RegisterPushToken.WebPushSubscription("https://push.example/abc", P256DH, AUTH)));
		assertThat(ack.answer().get("ok").booleanValue()).isTrue();
	}

	@Test
	void apnsAndFcmTokensUnregisterAndPrefs() {
		this.socket.fire(ClientEvents.REGISTER_PUSH_TOKEN,
				"{\"platform\":\"apns\",\"deviceId\":\"phone\",\"token\":\"" + "ab".repeat(32) + "\"}", null);
		this.socket.fire(ClientEvents.REGISTER_PUSH_TOKEN,
				"{\"platform\":\"fcm\",\"deviceId\":\"tablet\",\"token\":\"fcm-token:APA91b-abcdefgh\"}", null);
		this.socket.fire(ClientEvents.UNREGISTER_PUSH_TOKEN, "{\"deviceId\":\"phone\"}", null);
		this.socket.fire(ClientEvents.SET_NOTIFICATION_PREFS,
				"{\"previews\":false,\"mutedUserIds\":[\"bob\",\"carol\",\"bob\"]}", null);
		assertThat(this.chat.publisher.sent()).extracting(Sent::type)
			.containsExactly(EventType.PUSH_TOKEN_REGISTER, EventType.PUSH_TOKEN_REGISTER,
					EventType.PUSH_TOKEN_UNREGISTER, EventType.NOTIFICATION_PREFS);
		assertThat(this.chat.publisher.sent().get(0).envelope().payloadAs(RegisterPushToken.class).token())
			.isEqualTo("ab".repeat(32));
		assertThat(this.chat.publisher.sent().get(2).envelope().payloadAs(UnregisterPushToken.class).deviceId())
			.isEqualTo("phone");
		assertThat(this.chat.publisher.sent().get(3).envelope().payloadAs(NotificationPrefs.class))
			.isEqualTo(new NotificationPrefs(false, java.util.List.of("bob", "carol")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"platform\":\"sms\",\"deviceId\":\"d\",\"token\":\"" + "ab" + "\"}",
			"{\"platform\":\"apns\",\"deviceId\":\"d\",\"token\":\"not-hex\"}",
			"{\"platform\":\"apns\",\"deviceId\":{\"$ne\":1},\"token\":\"abababababababababababababababababababababababababababababababab\"}",
			"{\"platform\":\"webpush\",\"deviceId\":\"d\",\"subscription\":{\"endpoint\":\"http://169.254.169.254/\",\"keys\":{\"p256dh\":\"x\",\"auth\":\"y\"}}}",
			"{\"platform\":\"webpush\",\"deviceId\":\"d\",\"subscription\":{\"endpoint\":\"https://push.example/a\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"AAECAwQFBgcICQoLDA0ODw\"}}}",
			"{\"previews\":\"yes\"}", "{\"previews\":true,\"mutedUserIds\":[\"ok\",\"no:colon\"]}" })
	void badInputIsInvalidPayloadAndNeverReachesKafka(String payload) {
		String event = payload.startsWith("{\"previews") ? ClientEvents.SET_NOTIFICATION_PREFS
				: ClientEvents.REGISTER_PUSH_TOKEN;
		RecordingAck ack = new RecordingAck();
		this.socket.fire(event, payload, ack);
		assertThat(ack.answer().at("/error/code").stringValue()).isEqualTo("invalid_payload");
		assertThat(this.chat.publisher.sent()).isEmpty();
		assertThat(this.socket.isConnected()).isTrue();
	}

	@Test
	void aWebPushEndpointMustBeHttpsEvenWithGoodKeys() {
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.REGISTER_PUSH_TOKEN, "{\"platform\":\"webpush\",\"deviceId\":\"b\","
				+ "\"subscription\":{\"endpoint\":\"http://169.254.169.254/latest\","
				+ "\"keys\":{\"p256dh\":\"" + P256DH + "\",\"auth\":\"" + AUTH + "\"}}}", ack);
		assertThat(ack.answer().at("/error/code").asString("")).isEqualTo("invalid_payload");
		assertThat(ack.answer().at("/error/message").asString("")).contains("https");
		assertThat(this.chat.publisher.sent()).isEmpty();
	}

	private static byte[] point() {
		byte[] point = new byte[65];
		point[0] = 0x04;
		return point;
	}

}

package org.chat.gateway.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.events.Typing;
import org.chat.contracts.json.Json;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.FakeSocket.Emitted;
import org.chat.gateway.fakes.RecordingAck;
import org.chat.gateway.fakes.RecordingPublisher.Mode;
import org.chat.gateway.fakes.RecordingPublisher.Sent;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.ratelimit.RateLimitProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ChatEventsTest {

	private static final SessionRef ALICE = new SessionRef("alice", "s1", "gw-1", 7);

	private ChatHarness chat = new ChatHarness();

	private FakeSocket socket;

	@BeforeEach
	void connect() {
		this.socket = this.chat.connect("alice", "s1");
		this.chat.publisher.sent().clear();
	}

	@Test
	void sendProducesTheMessageKeyedByConversationAndAcksAfterKafka() {
		this.chat.publisher.mode(Mode.HOLD);
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.SEND_PRIVATE_MESSAGE,
				"{\"toUserId\":\"bob\",\"text\":\"hi\",\"user\":{\"id\":\"mallory\"},\"id\":\"mallory\"}", ack);
		Sent sent = this.chat.publisher.only();
		assertThat(sent.topic()).isEqualTo(Topics.MESSAGES);
		assertThat(sent.key()).isEqualTo("alice:bob");
		Envelope envelope = sent.envelope();
		assertThat(envelope.eventType()).isEqualTo(EventType.MESSAGE_SEND);
		assertThat(envelope.session()).isEqualTo(ALICE);
		SendMessage message = envelope.payloadAs(SendMessage.class);
		assertThat(MessageIds.isValid(message.messageId())).isTrue();
		assertThat(message).isEqualTo(new SendMessage(message.messageId(), "bob", "hi", null,
				Instant.parse("2026-03-01T10:00:00.123Z")));
		assertThat(ack.count()).as("no ack before the broker acknowledged").isZero();

		sent.future().complete(null);
		assertThat(ack.answer()).isEqualTo(Json.MAPPER.readTree("{\"ok\":true,\"messageId\":\"" + message.messageId()
				+ "\",\"createdAt\":\"2026-03-01T10:00:00.123Z\"}"));
	}

	@Test
	void aRetryWithTheSameClientMessageIdGetsTheSameMessageId() {
		RecordingAck first = new RecordingAck();
		RecordingAck retry = new RecordingAck();
		String payload = "{\"toUserId\":\"bob\",\"text\":\"hi\",\"clientMessageId\":\"c-42\"}";
		this.socket.fire(ClientEvents.SEND_PRIVATE_MESSAGE, payload, first);
		this.socket.fire(ClientEvents.SEND_PRIVATE_MESSAGE, payload, retry);
		String expected = MessageIds.derived("alice", "c-42");
		assertThat(first.answer().get("messageId").stringValue()).isEqualTo(expected);
		assertThat(retry.answer().get("messageId").stringValue()).isEqualTo(expected);
		assertThat(this.chat.publisher.sent().get(1).envelope().payloadAs(SendMessage.class).clientMessageId())
			.isEqualTo("c-42");
	}

	@Test
	void kafkaDownIsUnavailableInTheAckOrAsChatError() {
		this.chat.publisher.mode(Mode.FAIL);
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"hi\"}", ack);
		assertThat(ack.answer().get("ok").booleanValue()).isFalse();
		assertThat(ack.answer().at("/error/code").stringValue()).isEqualTo("unavailable");
		this.socket.fire(ClientEvents.TYPING_PRIVATE, "{\"toUserId\":\"bob\",\"isTyping\":true}", null);
		assertThat(chatErrors()).singleElement()
			.satisfies(error -> assertThat(error.get("event").stringValue()).isEqualTo(ClientEvents.TYPING_PRIVATE))
			.satisfies(error -> assertThat(error.get("code").stringValue()).isEqualTo("unavailable"));
		assertThat(this.socket.isConnected()).isTrue();
	}

	@Test
	void badInputNeverReachesKafkaAndGetsTheErrorWhereTheClientListens() {
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":{\"$ne\":null},\"text\":\"hi\"}", ack);
		assertThat(ack.answer().at("/error/code").stringValue()).isEqualTo("invalid_payload");
		assertThat(ack.answer().at("/error/message").stringValue()).contains("toUserId");
		this.socket.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"" + "x".repeat(4001) + "\"}",
				null);
		this.socket.fire("drop_database", List.of(), null);
		RecordingAck unknownAck = new RecordingAck();
		this.socket.fire("drop_database", List.of(), unknownAck);
		assertThat(chatErrors()).extracting(error -> error.get("code").stringValue())
			.containsExactly("payload_too_large", "unknown_event");
		assertThat(chatErrors().get(1).get("event").stringValue()).isEqualTo("drop_database");
		assertThat(unknownAck.answer().at("/error/code").stringValue()).isEqualTo("unknown_event");
		assertThat(this.chat.publisher.sent()).isEmpty();
		assertThat(this.socket.isConnected()).isTrue();
	}

	@Test
	void eventsOverTheRateAreRefusedPerSocket() {
		this.chat = new ChatHarness(new RateLimitProperties(0.001, 2));
		FakeSocket limited = this.chat.connect("alice", "s9");
		FakeSocket other = this.chat.connect("bob", "s8");
		this.chat.publisher.sent().clear();
		RecordingAck third = new RecordingAck();
		limited.fire(ClientEvents.TYPING_PRIVATE, "{\"toUserId\":\"bob\",\"isTyping\":true}", new RecordingAck());
		limited.fire(ClientEvents.TYPING_PRIVATE, "{\"toUserId\":\"bob\",\"isTyping\":false}", new RecordingAck());
		limited.fire(ClientEvents.TYPING_PRIVATE, "{\"toUserId\":\"bob\",\"isTyping\":true}", third);
		other.fire(ClientEvents.TYPING_PRIVATE, "{\"toUserId\":\"alice\",\"isTyping\":true}", new RecordingAck());
		assertThat(third.answer().at("/error/code").stringValue()).isEqualTo("rate_limited");
		assertThat(this.chat.publisher.sent()).hasSize(3);
	}

	@Test
	void registerProducesPresenceAndProfileAndAcksAfterBoth() {
		this.chat.publisher.mode(Mode.HOLD);
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.REGISTER_USER,
				"{\"id\":\"alice\",\"name\":\"Alice\",\"email\":\"a@x.org\",\"avatar\":\"https://x/a.png\",\"isOnline\":true}",
				ack);
		List<Sent> sent = this.chat.publisher.sent();
		Profile profile = new Profile("Alice", "a@x.org", "https://x/a.png");
		assertThat(sent).extracting(Sent::type, Sent::topic, Sent::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.SESSION_REGISTERED, Topics.PRESENCE, "alice"),
					org.assertj.core.groups.Tuple.tuple(EventType.PROFILE_UPDATE, Topics.MESSAGES, "alice"));
		assertThat(sent).allSatisfy(s -> assertThat(s.envelope().payloadAs(Profile.class)).isEqualTo(profile))
			.allSatisfy(s -> assertThat(s.envelope().session()).isEqualTo(ALICE));
		sent.get(0).future().complete(null);
		assertThat(ack.count()).isZero();
		sent.get(1).future().complete(null);
		assertThat(ack.answer()).isEqualTo(Json.MAPPER.readTree("{\"ok\":true}"));
		assertThat(this.chat.session("s1").profile()).isEqualTo(profile);
	}

	@Test
	void typingAndMarkReadGoToTheirTopicsAndAckAfterKafka() {
		RecordingAck typingAck = new RecordingAck();
		RecordingAck readAck = new RecordingAck();
		this.socket.fire(ClientEvents.TYPING_PRIVATE, "{\"toUserId\":\"bob\",\"isTyping\":true}", typingAck);
		this.socket.fire(ClientEvents.MARK_MESSAGES_READ, "{\"otherUserId\":\"zed\"}", readAck);
		List<Sent> sent = this.chat.publisher.sent();
		assertRecord(sent.get(0), EventType.TYPING, Topics.PRESENCE, "alice", new Typing("bob", true));
		assertRecord(sent.get(1), EventType.MESSAGES_READ, Topics.MESSAGES, "alice:zed", new MarkRead("zed"));
		assertThat(typingAck.answer()).isEqualTo(Json.MAPPER.readTree("{\"ok\":true}"));
		assertThat(readAck.answer()).isEqualTo(Json.MAPPER.readTree("{\"ok\":true}"));
	}

	@Test
	void queriesGoToTheirTopicsAndWaitForTheServiceReply() {
		RecordingAck history = new RecordingAck();
		this.socket.fire(ClientEvents.GET_UNREAD_COUNTS, List.of(), new RecordingAck());
		this.socket.fire(ClientEvents.REQUEST_USER_LIST, List.of(), null);
		this.socket.fire(ClientEvents.GET_MESSAGES, "{\"otherUserId\":\"bob\",\"limit\":20}", history);
		this.socket.fire(ClientEvents.SYNC_MESSAGES, "{\"since\":\"65a1b2c3d4e5f60718293a4b\"}", new RecordingAck());
		List<Sent> sent = this.chat.publisher.sent();
		assertRecord(sent.get(0), EventType.UNREAD_COUNTS_QUERY, Topics.QUERIES, "alice", null);
		assertRecord(sent.get(1), EventType.USER_LIST_QUERY, Topics.PRESENCE, "alice", null);
		assertRecord(sent.get(2), EventType.HISTORY_QUERY, Topics.QUERIES, "alice:bob", new HistoryQuery("bob", null, 20));
		assertRecord(sent.get(3), EventType.SYNC_QUERY, Topics.QUERIES, "alice",
				new SyncQuery("65a1b2c3d4e5f60718293a4b", 100));
		assertThat(this.chat.pending.size()).as("three acks wait; request_user_list had none").isEqualTo(3);
		assertThat(history.count()).isZero();

		assertThat(this.chat.pending.complete(sent.get(2).envelope().eventId(), "s1",
				Json.MAPPER.readTree("{\"ok\":true,\"messages\":[]}"))).isTrue();
		assertThat(history.answer().get("messages").isArray()).isTrue();
		this.chat.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(this.chat.pending.size()).isZero();
	}

	@Test
	void aSyncGoesToKafkaOnlyOnceTheSessionIsRoutable() {
		Sinks.Empty<Void> routable = Sinks.empty();
		this.chat.routable = routable.asMono();
		RecordingAck ack = new RecordingAck();

		this.socket.fire(ClientEvents.SYNC_MESSAGES, "{\"since\":\"65a1b2c3d4e5f60718293a4b\"}", ack);
		assertThat(this.chat.publisher.sent()).isEmpty();

		routable.tryEmitEmpty();
		assertRecord(this.chat.publisher.only(), EventType.SYNC_QUERY, Topics.QUERIES, "alice",
				new SyncQuery("65a1b2c3d4e5f60718293a4b", 100));
		assertThat(this.chat.pending.size()).isEqualTo(1);
	}

	@Test
	void aQueryNobodyAnswersIsUnavailableAfterTheReplyTimeout() {
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.GET_UNREAD_COUNTS, List.of(), ack);
		this.chat.time.advanceTimeBy(Duration.ofMillis(9_999));
		assertThat(ack.count()).isZero();
		this.chat.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(ack.answer().at("/error/code").stringValue()).isEqualTo("unavailable");
	}

	@Test
	void aQueryKafkaRefusesIsUnavailableAtOnceAndHistoryNeedsAnAck() {
		this.chat.publisher.mode(Mode.FAIL);
		RecordingAck ack = new RecordingAck();
		this.socket.fire(ClientEvents.SYNC_MESSAGES, List.of(), ack);
		assertThat(ack.answer().at("/error/code").stringValue()).isEqualTo("unavailable");
		assertThat(this.chat.pending.size()).isZero();
		this.socket.fire(ClientEvents.GET_MESSAGES, "{\"otherUserId\":\"bob\"}", null);
		assertThat(chatErrors()).singleElement()
			.satisfies(error -> assertThat(error.get("code").stringValue()).isEqualTo("invalid_payload"));
	}

	private List<JsonNode> chatErrors() {
		return this.socket.emitted()
			.stream()
			.filter(emitted -> emitted.event().equals(ClientEvents.CHAT_ERROR))
			.map(Emitted::data)
			.toList();
	}

	private static void assertRecord(Sent sent, EventType type, String topic, String key, Object payload) {
		assertThat(sent.type()).isEqualTo(type);
		assertThat(sent.topic()).isEqualTo(topic);
		assertThat(sent.key()).isEqualTo(key);
		assertThat(sent.envelope().session()).isEqualTo(ALICE);
		assertThat(sent.envelope().payload())
			.isEqualTo((payload != null) ? Json.tree(payload) : Json.MAPPER.createObjectNode());
	}

}

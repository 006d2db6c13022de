package org.chat.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.gateway.presence.SessionRoutes;
import org.chat.gateway.chat.ChatEvents;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.RecordingAck;
import org.chat.gateway.fakes.RecordingPublisher;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.Ack;
import org.chat.gateway.socketio.EventListener;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.SocketIoSocket.Outcome;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.LimitsProperties;
import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway meters move on the real chat paths (ChatEvents behind a metered socket). */
class MeteredSocketTest {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LocalSessions sessions = new LocalSessions();

	private final GatewayMetrics metrics = new GatewayMetrics(this.meters, this.sessions);

	private final RecordingPublisher kafka = new RecordingPublisher();

	private final FakeSocket fake = new FakeSocket("s1");

	private final MeteredSocket socket = new MeteredSocket(this.fake, this.metrics, Clock.fixed(NOW, ZoneOffset.UTC));

	/** The chat layer as ChatConnectionHandler wires it, publishing through the timed publisher. */
	private void connect(int burst) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		var publisher = new TimedEnvelopePublisher(this.kafka, this.metrics);
		ChatEvents events = new ChatEvents(new EventValidator(LimitsProperties.defaults()), publisher,
				new SessionEvents(publisher), new PendingReplies(VirtualTimeScheduler.create(), Duration.ofSeconds(10)),
				new MessageIds(clock), clock, SessionRoutes.none());
		ChatSession session = new ChatSession(this.socket, new SessionRef("alice", "s1", "gw-1", 1),
				new TokenBucket(0.001, burst, System::nanoTime));
		this.sessions.add(session);
		EventListener listener = (sock, event, args, ack) -> events.handle(session, event, args, ack);
		this.socket.on(ClientEvents.SEND_PRIVATE_MESSAGE, listener);
		this.socket.onAny(listener);
	}

	@Test
	void clientEventsCountByNameAndUnknownNamesAsUnknown() {
		connect(10);
		this.fake.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"hi\"}", new RecordingAck());
		this.fake.fire("drop_database", List.of(), null);

		assertThat(count("chat.gateway.events.in", "event", ClientEvents.SEND_PRIVATE_MESSAGE)).isEqualTo(1);
		assertThat(count("chat.gateway.events.in", "event", "unknown")).isEqualTo(1);
		assertThat(this.meters.find("chat.gateway.events.in").tag("event", "drop_database").counter()).isNull();
		assertThat(this.meters.get("chat.gateway.connections").gauge().value()).isEqualTo(1);
	}

	@Test
	void errorsCountByCodeWhetherAckedOrEmitted() {
		connect(2);
		this.fake.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":{\"$ne\":null},\"text\":\"hi\"}",
				new RecordingAck());
		this.fake.fire("drop_database", List.of(), null);
		this.fake.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"hi\"}", new RecordingAck());

		assertThat(count("chat.gateway.errors", "code", "invalid_payload")).isEqualTo(1);
		assertThat(count("chat.gateway.errors", "code", "unknown_event")).isEqualTo(1);
		assertThat(count("chat.gateway.errors", "code", "rate_limited")).isEqualTo(1);
		assertThat(count("chat.gateway.events.out", "event", ClientEvents.CHAT_ERROR)).isEqualTo(1);
	}

	@Test
	void produceIsTimedByTopicAndResult() {
		connect(10);
		this.fake.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"hi\"}", new RecordingAck());
		this.kafka.mode(RecordingPublisher.Mode.FAIL);
		this.fake.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"again\"}", new RecordingAck());

		assertThat(this.meters.get("chat.kafka.produce").tags("topic", "chat.messages", "result", "ok").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.get("chat.kafka.produce").tags("topic", "chat.messages", "result", "error").timer().count())
			.isEqualTo(1);
		assertThat(count("chat.gateway.errors", "code", "unavailable")).isEqualTo(1);
	}

	@Test
	void deliveredMessagesRecordTheirLatencySinceCreatedAt() {
		var message = Json.MAPPER.createObjectNode().put("_id", "m1").put("createdAt", "2026-03-01T09:59:59.750Z");

		assertThat(this.socket.emit(ClientEvents.RECEIVE_PRIVATE_MESSAGE, Delivery.RELIABLE, message)).isEqualTo(Outcome.QUEUED);

		var latency = this.meters.get("chat.delivery.latency").timer();
		assertThat(latency.count()).isEqualTo(1);
		assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(250);
		assertThat(count("chat.gateway.events.out", "event", ClientEvents.RECEIVE_PRIVATE_MESSAGE)).isEqualTo(1);
	}

	@Test
	void aFanoutMessageAsRawJsonRecordsItsLatencyToo() {
		GatewayMessage fromRedis = GatewayMessage.fromJson(GatewayMessage.toUsers(List.of("alice"),
				ClientEvents.RECEIVE_PRIVATE_MESSAGE,
				Map.of("_id", "m1", "text", "\"createdAt\":\"2020-01-01T00:00:00Z\"", "createdAt", "2026-03-01T09:59:59.900Z"))
			.toJson());

		this.socket.emit(PreparedEvent.of(ClientEvents.RECEIVE_PRIVATE_MESSAGE, fromRedis.data()), Delivery.RELIABLE);

		var latency = this.meters.get("chat.delivery.latency").timer();
		assertThat(latency.count()).isEqualTo(1);
		assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(100);
	}

	@Test
	void aReplyAckFromRedisCountsItsErrorCode() {
		connect(10);
		RecordingAck ack = new RecordingAck();
		this.socket.onAny((sock, event, args, answer) -> answer.send(GatewayMessage.fromJson(GatewayMessage
			.reply("s1", "e1", null, null, Map.of("ok", false, "error", Map.of("code", "unavailable")))
			.toJson()).ack()));
		this.fake.fire("get_unread_counts", List.of(), ack);

		assertThat(ack.answer()).isEqualTo(Json.MAPPER.readTree("{\"ok\":false,\"error\":{\"code\":\"unavailable\"}}"));
		assertThat(count("chat.gateway.errors", "code", "unavailable")).isEqualTo(1);
	}

	@Test
	void acksAreTimedFromTheirEventByTheEventsName() {
		MutableClock clock = new MutableClock(NOW);
		MeteredSocket timed = new MeteredSocket(this.fake, this.metrics, clock);
		List<Ack> parked = new ArrayList<>();
		timed.onAny((sock, event, args, ack) -> parked.add(ack));
		this.fake.fire(ClientEvents.SYNC_MESSAGES, "{}", new RecordingAck());
		clock.advance(Duration.ofMillis(15));
		this.fake.fire("drop_database", List.of(), new RecordingAck());
		clock.advance(Duration.ofMillis(25));
		parked.forEach(ack -> ack.send(Json.MAPPER.readTree("{\"ok\":true}")));

		Timer sync = this.meters.get("chat.gateway.ack.latency").tag("event", ClientEvents.SYNC_MESSAGES).timer();
		assertThat(sync.count()).isEqualTo(1);
		assertThat(sync.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		Timer unknown = this.meters.get("chat.gateway.ack.latency").tag("event", "unknown").timer();
		assertThat(unknown.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(25);
		assertThat(this.meters.find("chat.gateway.ack.latency").tag("event", "drop_database").timer()).isNull();
	}

	@Test
	void aFirstSyncsWaitForItsRouteIsTimedAndARoutableSessionsIsNot() {
		MutableClock clock = new MutableClock(NOW);
		ChatSession session = new ChatSession(this.fake, new SessionRef("alice", "s1", "gw-1", 1),
				new TokenBucket(1, 1, System::nanoTime));
		Sinks.Empty<Void> route = Sinks.empty();
		SessionRoutes redis = waiting -> route.asMono().doOnSuccess(done -> waiting.markRoutable());
		TimedSessionRoutes routes = new TimedSessionRoutes(redis, this.metrics, clock);

		StepVerifier.create(routes.awaitRoutable(session))
			.then(() -> clock.advance(Duration.ofMillis(70)))
			.then(route::tryEmitEmpty)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(routes.awaitRoutable(session)).expectComplete().verify(Duration.ofSeconds(5));

		Timer wait = this.meters.get("chat.sync.routable.wait").timer();
		assertThat(wait.count()).isEqualTo(1);
		assertThat(wait.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(70);
	}

	@Test
	void shedAndOverflowCountByReasonAndAreNotCountedAsSent() {
		var typing = Json.MAPPER.createObjectNode().put("fromUserId", "bob").put("isTyping", true);
		this.fake.outcome(Outcome.SHED);
		this.socket.emit(ClientEvents.TYPING_INDICATOR_PRIVATE, Delivery.DROPPABLE, typing);
		this.fake.outcome(Outcome.OVERFLOW);
		this.socket.emit(ClientEvents.USER_LIST, Delivery.RELIABLE, Json.MAPPER.createArrayNode());

		assertThat(count("chat.gateway.shed", "reason", "droppable")).isEqualTo(1);
		assertThat(count("chat.gateway.shed", "reason", "overflow")).isEqualTo(1);
		assertThat(count("chat.gateway.events.out", "event", ClientEvents.TYPING_INDICATOR_PRIVATE)).isZero();
	}

	@Test
	void aSnapshotReplacingAnOlderOneCountsAsSentAndTheOlderOneAsSuperseded() {
		PreparedEvent users = PreparedEvent.of(ClientEvents.USER_LIST, Json.MAPPER.createArrayNode());
		this.socket.emit(users, Delivery.latest(ClientEvents.USER_LIST));
		this.fake.outcome(Outcome.REPLACED);
		this.socket.emit(users, Delivery.latest(ClientEvents.USER_LIST));

		assertThat(count("chat.gateway.events.out", "event", ClientEvents.USER_LIST)).isEqualTo(2);
		assertThat(count("chat.gateway.shed", "reason", "superseded")).isEqualTo(1);
		assertThat(count("chat.gateway.shed", "reason", "overflow")).isZero();
	}

	@Test
	void aSocketsEndCountsOnceByItsReasonAndUnknownReasonsAsOther() {
		this.socket.onDisconnect(reason -> {
		});
		this.socket.onDisconnect(reason -> {
		});
		this.fake.close("ping timeout");

		assertThat(count("chat.gateway.disconnects", "reason", "ping timeout")).as("two listeners, one socket")
			.isEqualTo(1);
		assertThat(count("chat.gateway.disconnects", "reason", "transport close")).isZero();

		FakeSocket otherFake = new FakeSocket("s2");
		new MeteredSocket(otherFake, this.metrics, Clock.systemUTC()).onDisconnect(reason -> {
		});
		otherFake.close("a reason from a newer engine");
		assertThat(count("chat.gateway.disconnects", "reason", "other")).isEqualTo(1);
		assertThat(this.meters.find("chat.gateway.disconnects").tag("reason", "a reason from a newer engine").counter())
			.isNull();
	}

	private double count(String name, String tag, String value) {
		return this.meters.get(name).tag(tag, value).counter().count();
	}

}

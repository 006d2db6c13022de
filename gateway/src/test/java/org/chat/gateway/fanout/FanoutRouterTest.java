package org.chat.gateway.fanout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.contracts.json.RawJson;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.FakeSocket.Emitted;
import org.chat.gateway.fakes.RecordingAck;
import org.chat.gateway.fakes.RecordingPublisher;
import org.chat.gateway.fakes.RecordingPublisher.Sent;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.SocketIoSocket.Outcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class FanoutRouterTest {

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final LocalSessions sessions = new LocalSessions();

	private final PendingReplies pending = new PendingReplies(VirtualTimeScheduler.create(), Duration.ofSeconds(10));

	private final AtomicInteger livenessRefreshes = new AtomicInteger();

	private final FanoutRouter router = new FanoutRouter(this.sessions, this.pending, this.publisher,
			() -> Mono.fromRunnable(this.livenessRefreshes::incrementAndGet));

	private final FakeSocket alice1 = socket("alice", "a1", 3);

	private final FakeSocket alice2 = socket("alice", "a2", 4);

	private final FakeSocket bob = socket("bob", "b1", 9);

	@Test
	void emitsToEveryLocalSocketOfTheUsersButTheExcepted() {
		this.router.route(GatewayMessage.toUsers(List.of("alice", "nobody-here"), ClientEvents.UNREAD_COUNT_UPDATE,
				new Count("bob", 2)).except(List.of("a2")));
		assertThat(events(this.alice1)).containsExactly(ClientEvents.UNREAD_COUNT_UPDATE);
		assertThat(this.alice1.emitted().get(0).data()).isEqualTo(Json.tree(new Count("bob", 2)));
		assertThat(this.alice1.emitted().get(0).droppable()).isFalse();
		assertThat(this.alice2.emitted()).isEmpty();
		assertThat(this.bob.emitted()).isEmpty();
		assertThat(this.publisher.sent()).isEmpty();
	}

	@Test
	void emitsToSessionsOnceEvenWhenAlsoTargetedAsUser() {
		this.router.route(new GatewayMessage(GatewayMessage.Kind.EMIT, List.of("bob"), List.of("b1", "a2", "gone"), null,
				false, ClientEvents.MESSAGES_READ_UPDATE, RawJson.of(new ReadBy("carol")), null, null, null));
		assertThat(events(this.bob)).containsExactly(ClientEvents.MESSAGES_READ_UPDATE);
		assertThat(events(this.alice2)).containsExactly(ClientEvents.MESSAGES_READ_UPDATE);
		assertThat(this.alice1.emitted()).isEmpty();
	}

	@Test
	void broadcastReachesAllButTheExceptedAndTypingIsDroppable() {
		this.router.route(GatewayMessage.broadcast(ClientEvents.USER_LIST, List.of()).except(List.of("b1")));
		this.router.route(GatewayMessage.toUsers(List.of("alice"), ClientEvents.TYPING_INDICATOR_PRIVATE,
				new TypingFrom("bob", true)));
		assertThat(events(this.alice1)).containsExactly(ClientEvents.USER_LIST, ClientEvents.TYPING_INDICATOR_PRIVATE);
		assertThat(this.alice1.emitted()).extracting(Emitted::delivery)
			.containsExactly(Delivery.latest(ClientEvents.USER_LIST), Delivery.DROPPABLE);
		assertThat(this.alice1.emitted().get(0).data().isArray()).isTrue();
		assertThat(events(this.bob)).isEmpty();
	}

	@Test
	void aBroadcastIsEncodedOnceAndEverySocketQueuesTheSameBytes() {
		this.router.route(GatewayMessage.broadcast(ClientEvents.USER_LIST, List.of(new Count("bob", 1))));
		List<Emitted> emits = List.of(this.alice1.emitted().get(0), this.alice2.emitted().get(0),
				this.bob.emitted().get(0));
		java.nio.ByteBuffer frame = emits.get(0).prepared().packet().frame();
		assertThat(StandardCharsets.UTF_8.decode(frame.duplicate()).toString())
			.isEqualTo("42[\"user_list\",[{\"fromUserId\":\"bob\",\"count\":1}]]");
		assertThat(emits).allSatisfy(emit -> assertThat(emit.prepared().packet().frame()).isSameAs(frame));
	}

	@Test
	void multiRecipientEmitsAreEncodedOnceToo() {
		this.router.route(GatewayMessage.toUsers(List.of("alice", "bob"), ClientEvents.RECEIVE_PRIVATE_MESSAGE,
				new Count("carol", 1)));
		assertThat(this.bob.emitted().get(0).prepared()).isSameAs(this.alice1.emitted().get(0).prepared())
			.isSameAs(this.alice2.emitted().get(0).prepared());
		assertThat(this.bob.emitted().get(0).delivery()).isEqualTo(Delivery.RELIABLE);
	}

	@Test
	void aUserListReplyStaysReliable() {
		RecordingAck ack = new RecordingAck();
		this.pending.await("ev-2", "a1", ack);
		this.router.route(GatewayMessage.reply("a1", "ev-2", ClientEvents.USER_LIST, List.of(),
				Json.MAPPER.readTree("{\"ok\":true}")));
		assertThat(this.alice1.emitted()).extracting(Emitted::delivery).containsExactly(Delivery.RELIABLE);
		assertThat(ack.count()).isEqualTo(1);
	}

	@Test
	void aReceiptIsReportedOncePerRecipientThatGotTheMessage() {
		GatewayMessage message = GatewayMessage
			.toUsers(List.of("alice", "bob"), ClientEvents.RECEIVE_PRIVATE_MESSAGE, new Count("x", 1))
			.withReceipt(new DeliveryReceipt("65a1b2c3d4e5f60718293a4b", "carol"));
		this.bob.outcome(Outcome.SHED);
		this.router.route(message);
		Sent delivered = this.publisher.only();
		assertThat(delivered.type()).isEqualTo(EventType.MESSAGE_DELIVERED);
		assertThat(delivered.topic()).isEqualTo(Topics.MESSAGES);
		assertThat(delivered.key()).isEqualTo("alice:carol");
		assertThat(delivered.envelope().userId()).isEqualTo("alice");
		assertThat(delivered.envelope().sessionId()).isIn("a1", "a2");
		assertThat(delivered.envelope().payloadAs(MessageDelivered.class))
			.isEqualTo(new MessageDelivered("65a1b2c3d4e5f60718293a4b", "carol"));
	}

	@Test
	void noReceiptWithoutAWrittenSocket() {
		this.bob.close("transport close");
		this.router.route(GatewayMessage.toUsers(List.of("bob", "dave"), ClientEvents.RECEIVE_PRIVATE_MESSAGE, List.of())
			.withReceipt(new DeliveryReceipt("65a1b2c3d4e5f60718293a4b", "alice")));
		assertThat(this.publisher.sent()).isEmpty();
	}

	@Test
	void replyEmitsItsEventThenAnswersTheParkedAckOfThatSessionOnly() {
		RecordingAck ack = new RecordingAck();
		this.pending.await("ev-1", "a1", ack);
		JsonNode answer = Json.MAPPER.readTree("{\"ok\":true,\"counts\":[{\"userId\":\"bob\",\"count\":2}]}");
		this.router.route(GatewayMessage.reply("a2", "ev-1", null, null, Json.MAPPER.readTree("{\"ok\":true}")));
		assertThat(ack.count()).as("a reply for another session does not answer").isZero();
		this.router.route(GatewayMessage.reply("a1", "ev-1", ClientEvents.UNREAD_COUNTS, List.of(new Count("bob", 2)), answer));
		assertThat(events(this.alice1)).containsExactly(ClientEvents.UNREAD_COUNTS);
		assertThat(ack.answer()).isEqualTo(answer);
		assertThat(this.pending.size()).isZero();
		this.router.route(GatewayMessage.reply("a1", "ev-1", ClientEvents.UNREAD_COUNTS, List.of(), answer));
		assertThat(ack.count()).as("answered once").isEqualTo(1);
		assertThat(events(this.alice1)).hasSize(2);
	}

	@Test
	void routableMarksTheNamedLocalSessionOnlyAndWakesItsWait() {
		CompletableFuture<Void> a1Wait = this.sessions.bySession("a1").whenRoutable();

		this.router.route(GatewayMessage.fromJson(GatewayMessage.routable("a1").toJson()));
		this.router.route(GatewayMessage.routable("not-on-this-gateway"));

		assertThat(a1Wait).isCompleted();
		assertThat(this.sessions.bySession("a1").routable()).isTrue();
		assertThat(this.sessions.bySession("a2").routable()).isFalse();
		assertThat(this.alice1.emitted()).isEmpty();
		assertThat(this.publisher.sent()).isEmpty();
	}

	@Test
	void reannounceRunsTheLivenessRefreshWhichReannouncesOnANewBootMarker() {
		this.router.route(GatewayMessage.reannounce());
		assertThat(this.livenessRefreshes).hasValue(1);
		assertThat(this.publisher.sent()).isEmpty();
	}

	private FakeSocket socket(String user, String id, long epoch) {
		FakeSocket socket = new FakeSocket(id);
		this.sessions.add(new ChatSession(socket, new SessionRef(user, id, "gw", epoch), new TokenBucket(1, 1, System::nanoTime)));
		return socket;
	}

	private static List<String> events(FakeSocket socket) {
		return socket.emitted().stream().map(Emitted::event).toList();
	}

	record Count(String fromUserId, int count) {
	}

	record ReadBy(String readByUserId) {
	}

	record TypingFrom(String fromUserId, boolean isTyping) {
	}

}

package org.chat.gateway.chat;

import java.time.Duration;

import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.json.Json;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.RecordingPublisher;
import org.chat.gateway.fakes.RecordingPublisher.Sent;
import org.chat.gateway.socketio.ConnectRejected;
import org.junit.jupiter.api.Test;
import org.chat.gateway.presence.EpochAllocator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ChatConnectionHandlerTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final ChatHarness chat = new ChatHarness();

	@Test
	void connectAllocatesAnEpochAndProducesSessionOpened() {
		FakeSocket socket = this.chat.connect("alice", "s1");
		Sent opened = this.chat.publisher.only();
		assertThat(opened.topic()).isEqualTo(Topics.PRESENCE);
		assertThat(opened.key()).isEqualTo("alice");
		Envelope envelope = opened.envelope();
		assertThat(envelope.eventType()).isEqualTo(EventType.SESSION_OPENED);
		assertThat(envelope.session()).isEqualTo(new org.chat.contracts.envelope.SessionRef("alice", "s1", "gw-1", 7));
		assertThat(envelope.payload()).isEqualTo(Json.MAPPER.createObjectNode());
		assertThat(this.chat.session("s1").ref().epoch()).isEqualTo(7);
		assertThat(socket.hasListener(ClientEvents.SEND_PRIVATE_MESSAGE)).isTrue();
		assertThat(this.chat.connect("alice", "s2").isConnected()).isTrue();
		assertThat(this.chat.session("s2").ref().epoch()).isEqualTo(8);
	}

	@Test
	void badOrMissingTokensAreUnauthorizedAndReachNeitherRedisNorKafka() {
		for (String token : new String[] { null, "", "garbage", ChatHarness.token("bad:id"),
				org.chat.gateway.auth.TestTokens.hs256("ffffffffffffffffffffffffffffffff", "alice") }) {
			StepVerifier.create(this.chat.authorize(token))
				.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(ConnectRejected.class).hasMessage("unauthorized"))
				.verify(WAIT);
		}
		StepVerifier.create(this.chat.handler.authorize(null, ChatHarness.handshake()))
			.expectErrorMessage("unauthorized")
			.verify(WAIT);
		StepVerifier.create(this.chat.handler.authorize(Json.MAPPER.readTree("{\"token\":{\"$ne\":1}}"),
				ChatHarness.handshake()))
			.expectErrorMessage("unauthorized")
			.verify(WAIT);
		assertThat(this.chat.epochCalls).hasValue(0);
		assertThat(this.chat.publisher.sent()).isEmpty();
	}

	@Test
	void theConnectGoesOnOffTheThreadThatAnsweredTheEpoch() {
		Scheduler redisIo = Schedulers.newSingle("redis-io");
		try {
			EpochAllocator epochs = new EpochAllocator(null, WAIT) {
				@Override
				public Mono<Long> next(String userId) {
					return Mono.just(1L).publishOn(redisIo);
				}
			};
			ChatConnectionHandler handler = new ChatConnectionHandler(this.chat.authenticator, epochs, this.chat.chatSessions);
			StepVerifier
				.create(handler.authorize(Json.MAPPER.readTree("{\"token\":\"" + ChatHarness.token("alice") + "\"}"),
						ChatHarness.handshake()).map(principal -> Thread.currentThread().getName()))
				.assertNext(thread -> assertThat(thread).doesNotStartWith("redis-io"))
				.verifyComplete();
		}
		finally {
			redisIo.dispose();
		}
	}

	@Test
	void redisDownIsUnavailable() {
		this.chat.redisDown = true;
		StepVerifier.create(this.chat.authorize(ChatHarness.token("alice")))
			.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(ConnectRejected.class).hasMessage("unavailable"))
			.verify(WAIT);
	}

	@Test
	void disconnectProducesSessionClosedOnceAndForgetsTheSession() {
		FakeSocket socket = this.chat.connect("alice", "s1");
		org.chat.gateway.session.ChatSession session = this.chat.session("s1");
		socket.close("transport close");
		this.chat.chatSessions.close(session, "again");
		assertThat(this.chat.publisher.sent()).extracting(Sent::type)
			.containsExactly(EventType.SESSION_OPENED, EventType.SESSION_CLOSED);
		Envelope closed = this.chat.publisher.sent().get(1).envelope();
		assertThat(closed.payload().get("reason").stringValue()).isEqualTo("transport close");
		assertThat(closed.epoch()).isEqualTo(7);
		assertThat(this.chat.publisher.sent().get(1).key()).isEqualTo("alice");
		assertThat(this.chat.sessions.size()).isZero();
	}

	@Test
	void sessionOpenedNotAcceptedDisconnectsTheSocket() {
		this.chat.publisher.mode(RecordingPublisher.Mode.FAIL);
		FakeSocket socket = this.chat.connect("alice", "s1");
		assertThat(socket.isConnected()).isFalse();
		assertThat(socket.disconnectReason()).isEqualTo("unavailable");
		assertThat(this.chat.sessions.size()).isZero();
	}

	@Test
	void drainingRefusesNewConnectionsAndClosesEverySessionOnceWhileItsSocketStaysForTheEngineToClose() {
		FakeSocket a = this.chat.connect("alice", "s1");
		this.chat.connect("bob", "s2");
		this.chat.chatSessions.drain();
		StepVerifier.create(this.chat.authorize(ChatHarness.token("carol"))).expectErrorMessage("unavailable").verify(WAIT);
		this.chat.chatSessions.closeAll("server shutting down");
		a.close("transport close");
		assertThat(this.chat.publisher.sent()).filteredOn(sent -> sent.type() == EventType.SESSION_CLOSED)
			.extracting(sent -> sent.envelope().sessionId(), sent -> sent.envelope().payload().get("reason").stringValue())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s1", "server shutting down"),
					org.assertj.core.groups.Tuple.tuple("s2", "server shutting down"));
		assertThat(a.disconnectReason()).as("no DISCONNECT packet: clients reconnect after a transport close").isNull();
		assertThat(this.chat.sessions.size()).isZero();
	}

	@Test
	void eventsOfAClosedSessionAreUnavailableAndProduceNothing() {
		FakeSocket a = this.chat.connect("alice", "s1");
		this.chat.chatSessions.closeAll("server shutting down");
		int before = this.chat.publisher.sent().size();
		org.chat.gateway.fakes.RecordingAck ack = new org.chat.gateway.fakes.RecordingAck();
		a.fire(ClientEvents.SEND_PRIVATE_MESSAGE, "{\"toUserId\":\"bob\",\"text\":\"hi\"}", ack);
		assertThat(ack.answer().at("/error/code").stringValue()).isEqualTo("unavailable");
		assertThat(this.chat.publisher.sent()).hasSize(before);
	}

}

package org.chat.gateway.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.chat.contracts.json.Json;
import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.JwtDecoderFactory;
import org.chat.gateway.auth.SigningKeys;
import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.RecordingPublisher;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.presence.EpochAllocator;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.ratelimit.RateLimitProperties;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.HandshakeInfo;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The chat application wired around a recording publisher, a fake epoch counter and fake sockets. */
final class ChatHarness {

	static final String SECRET = "0123456789abcdef0123456789abcdef";

	static final String GATEWAY = "gw-1";

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

	final RecordingPublisher publisher = new RecordingPublisher();

	final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	final PendingReplies pending = new PendingReplies(this.time, Duration.ofSeconds(10));

	final LocalSessions sessions = new LocalSessions();

	final AtomicInteger epochCalls = new AtomicInteger();

	volatile boolean redisDown;

	/** What a first sync waits on (presence making the session routable): at once unless a test holds it. */
	volatile Mono<Void> routable = Mono.empty();

	final ChatSessions chatSessions;

	final ChatConnectionHandler handler;

	final TokenAuthenticator authenticator;

	ChatHarness(RateLimitProperties rate) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		SessionEvents sessionEvents = new SessionEvents(this.publisher);
		ChatEvents events = new ChatEvents(
				new org.chat.gateway.validation.EventValidator(
						org.chat.gateway.validation.LimitsProperties.defaults()),
				this.publisher, sessionEvents, this.pending, new MessageIds(clock), clock,
				session -> Mono.defer(() -> this.routable));
		this.chatSessions = new ChatSessions(this.sessions, sessionEvents, this.pending, events, GATEWAY, rate);
		AuthProperties auth = new AuthProperties(SECRET, null, null, null, Duration.ofSeconds(60), true);
		this.authenticator = new TokenAuthenticator(JwtDecoderFactory.create(auth, SigningKeys.resolve(auth, false)));
		EpochAllocator epochs = new EpochAllocator(null, Duration.ofSeconds(1)) {
			@Override
			public Mono<Long> next(String userId) {
				if (ChatHarness.this.redisDown) {
					return Mono.error(new IllegalStateException("redis down"));
				}
				return Mono.just(6L + ChatHarness.this.epochCalls.incrementAndGet());
			}
		};
		this.handler = new ChatConnectionHandler(this.authenticator, epochs, this.chatSessions);
	}

	ChatHarness() {
		this(new RateLimitProperties(1000, 1000));
	}

	Mono<Object> authorize(String token) {
		return this.handler.authorize(Json.MAPPER.createObjectNode().put("token", token), handshake());
	}

	/** Connects a socket for {@code userId} with a valid token; its epoch is 7 for the first connection. */
	FakeSocket connect(String userId, String socketId) {
		FakeSocket socket = new FakeSocket(socketId);
		Object principal = authorize(token(userId)).block(Duration.ofSeconds(5));
		this.handler.onConnect(socket, principal);
		return socket;
	}

	ChatSession session(String socketId) {
		return this.sessions.bySession(socketId);
	}

	static String token(String userId) {
		return org.chat.gateway.auth.TestTokens.hs256(SECRET, userId);
	}

	static HandshakeInfo handshake() {
		return new HandshakeInfo("eio-1", null, java.util.Map.of(), java.util.Map.of());
	}

}

package org.chat.gateway.footprint;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.chat.contracts.envelope.Envelope;
import org.chat.gateway.presence.SessionRoutes;
import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.JwtDecoderFactory;
import org.chat.gateway.auth.SigningKeys;
import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.chat.ChatConnectionHandler;
import org.chat.gateway.chat.ChatEvents;
import org.chat.gateway.chat.ChatSessions;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.metrics.GatewayMetrics;
import org.chat.gateway.metrics.MeteredConnectionHandler;
import org.chat.gateway.presence.EpochAllocator;
import org.chat.gateway.presence.SessionEvents;
import org.chat.gateway.ratelimit.RateLimitProperties;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.session.PendingReplies;
import org.chat.gateway.socketio.SocketIoNamespaces;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.LimitsProperties;
import org.chat.gateway.web.EngineEndpoint;
import org.chat.gateway.web.EngineIoWebFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The production chat stack of one gateway without Kafka and Redis: real Engine.IO / Socket.IO layers, the
 * real chat namespace (JWT check, sessions, metered sockets) and WebFlux with an observation registry as Boot
 * wires it; the publisher discards envelopes and epochs come from a counter.
 */
final class FootprintGateway implements AutoCloseable {

	static final String SECRET = "0123456789abcdef0123456789abcdef";

	final LocalSessions sessions = new LocalSessions();

	private final HeartbeatTimer timer;

	private final EngineEndpoint endpoint;

	private final DisposableServer http;

	FootprintGateway() {
		Clock clock = Clock.systemUTC();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		EnvelopePublisher discard = new EnvelopePublisher() {
			@Override
			public CompletableFuture<Void> publish(String key, Envelope envelope) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public void flush(Duration timeout) {
			}
		};
		SessionEvents sessionEvents = new SessionEvents(discard);
		PendingReplies pending = new PendingReplies(Schedulers.parallel(), Duration.ofSeconds(10));
		ChatEvents events = new ChatEvents(new EventValidator(LimitsProperties.defaults()), discard, sessionEvents,
				pending, new MessageIds(clock), clock, SessionRoutes.none());
		ChatSessions chat = new ChatSessions(sessions, sessionEvents, pending, events, "gw-1",
				new RateLimitProperties(20, 40));
		AuthProperties auth = new AuthProperties(SECRET, null, null, null, Duration.ofSeconds(60), true);
		TokenAuthenticator authenticator = new TokenAuthenticator(
				JwtDecoderFactory.create(auth, SigningKeys.resolve(auth, false)));
		AtomicLong epoch = new AtomicLong();
		EpochAllocator epochs = new EpochAllocator(null, Duration.ofSeconds(1)) {
			@Override
			public Mono<Long> next(String userId) {
				return Mono.just(epoch.incrementAndGet());
			}
		};
		EngineSettings settings = new EngineSettings(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000, 512,
				Set.of(TransportKind.WEBSOCKET, TransportKind.POLLING), 0);
		this.timer = new HeartbeatTimer(HeartbeatTimer.tickFor(settings.pingInterval()));
		SocketIoNamespaces namespaces = new SocketIoNamespaces(timer, Duration.ofSeconds(45));
		namespaces.namespace("/", new MeteredConnectionHandler(new ChatConnectionHandler(authenticator, epochs, chat),
				new GatewayMetrics(meters, sessions), clock));
		this.endpoint = EngineEndpoint.create("/socket.io/", settings, List.of("*"), timer, namespaces);
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		var handler = WebHttpHandlerBuilder.webHandler(exchange -> {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return exchange.getResponse().setComplete();
		}).filter(new EngineIoWebFilter(List.of(endpoint))).observationRegistry(observations).build();
		this.http = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
	}

	int port() {
		return http.port();
	}

	int engineSessions() {
		return endpoint.server().sessionCount();
	}

	@Override
	public void close() {
		endpoint.server().closeAll("server shutting down");
		http.disposeNow(Duration.ofSeconds(5));
		timer.close();
	}

}

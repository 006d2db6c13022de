package org.chat.gateway.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chat.gateway.session.LocalSessions;
import org.chat.gateway.socketio.ConnectRejected;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A CONNECT is timed from the moment its authorization starts to its answer, apart by result. */
class MeteredConnectionHandlerTest {

	private static final Duration VERIFY = Duration.ofSeconds(5);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final GatewayMetrics metrics = new GatewayMetrics(this.meters, new LocalSessions());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));

	@Test
	void anAcceptedConnectIsTimedToItsAnswer() {
		// the epoch's Redis round trip takes 40 ms, and the clock reads only once the CONNECT is subscribed
		ConnectionHandler handler = metered(Mono.fromCallable(() -> {
			this.clock.advance(Duration.ofMillis(40));
			return "alice";
		}));
		Mono<Object> connect = handler.authorize(null, null);
		this.clock.advance(Duration.ofSeconds(3));

		StepVerifier.create(connect).expectNext("alice").expectComplete().verify(VERIFY);

		assertThat(timer("ok").count()).isEqualTo(1);
		assertThat(timer("ok").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(timer("refused").count()).isZero();
	}

	@Test
	void aRefusedConnectIsTimedApartAndCountsItsCode() {
		ConnectionHandler handler = metered(Mono.defer(() -> {
			this.clock.advance(Duration.ofMillis(2_000));
			return Mono.error(new ConnectRejected("unavailable"));
		}));

		StepVerifier.create(handler.authorize(null, null)).expectError(ConnectRejected.class).verify(VERIFY);

		assertThat(timer("refused").count()).isEqualTo(1);
		assertThat(timer("refused").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
		assertThat(timer("ok").count()).isZero();
		assertThat(this.meters.get("chat.gateway.errors").tag("code", "unavailable").counter().count()).isEqualTo(1);
	}

	private Timer timer(String result) {
		return this.meters.get("chat.gateway.connect.latency").tag("result", result).timer();
	}

	private ConnectionHandler metered(Mono<Object> answer) {
		ConnectionHandler chat = new ConnectionHandler() {

			@Override
			public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
				return answer;
			}

			@Override
			public void onConnect(SocketIoSocket socket, Object principal) {
			}

		};
		return new MeteredConnectionHandler(chat, this.metrics, this.clock);
	}

}

package org.chat.gateway.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.HeartbeatTimer;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine.IO requests get no {@code http.server.requests} observation; every other request keeps it. */
class EngineRequestObservationTest {

	@Test
	void engineRequestsAreNotObservedOtherRequestsAre() {
		try (HeartbeatTimer timer = new HeartbeatTimer(HeartbeatTimer.tickFor(Duration.ofSeconds(25)))) {
			EngineEndpoint endpoint = EngineEndpoint.create("/socket.io/", new EngineSettings(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000, 16,
					Set.of(EngineSettings.TransportKind.WEBSOCKET, EngineSettings.TransportKind.POLLING)), List.of("*"), timer,
					session -> {
					});
			ObservationPredicate predicate = new SocketIoConfiguration().noEngineRequestObservations(List.of(endpoint));

			assertThat(predicate.test("http.server.requests", request("/socket.io/?EIO=4&transport=websocket"))).isFalse();
			assertThat(predicate.test("http.server.requests", request("/socket.io?EIO=4&transport=polling"))).isFalse();
			assertThat(predicate.test("http.server.requests", request("/dev/token"))).isTrue();
			assertThat(predicate.test("http.server.requests", request("/socket.io.js"))).isTrue();
			assertThat(predicate.test("lettuce.command", new Observation.Context())).isTrue();
		}
	}

	private static ServerRequestObservationContext request(String uri) {
		return new ServerRequestObservationContext(MockServerHttpRequest.get(uri).build(), new MockServerHttpResponse(),
				new HashMap<>());
	}

}

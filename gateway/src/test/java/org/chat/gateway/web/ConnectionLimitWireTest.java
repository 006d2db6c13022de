package org.chat.gateway.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.AddressConnections;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code chat.engine.max-connections-per-address} on the wire: every way a session ends gives its slot back. */
class ConnectionLimitWireTest {

	private static final int LIMIT = 3;

	private static final String TOO_MANY = "{\"code\":6,\"message\":\"Too many connections\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	private final EchoNamespace echo = new EchoNamespace();

	/**
	 * Heartbeat and connect timeout far beyond the 15 s a test waits for a close, so that only the way of ending
	 * under test can end a session; the ping-timeout test restarts with a short heartbeat.
	 */
	private static final Duration QUIET = Duration.ofSeconds(60);

	private SocketIoTestServer server = start(QUIET);

	private SocketIoTestServer start(Duration ping) {
		EngineSettings settings = new EngineSettings(ping, ping, 10_000, 64,
				Set.of(TransportKind.WEBSOCKET, TransportKind.POLLING), LIMIT);
		return SocketIoTestServer.start(settings, QUIET, io -> io.namespace("/", echo));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private AddressConnections counts() {
		return server.engine().perAddress();
	}

	private int loopbackCount() throws Exception {
		return counts().count(InetAddress.getByName("127.0.0.1"));
	}

	private RawWebSocket openWebSocket() throws InterruptedException {
		RawWebSocket socket = RawWebSocket.connect(server.engineUri("ws", "websocket", null));
		assertThat(socket.nextText()).startsWith("0{\"sid\":");
		return socket;
	}

	/** An open WebSocket whose default namespace is connected, so that its disconnect reason is recorded. */
	private RawWebSocket connectedWebSocket() throws InterruptedException {
		RawWebSocket socket = openWebSocket();
		socket.send("40");
		assertThat(socket.nextText()).startsWith("40{\"sid\":");
		return socket;
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void post(String sid, String payload) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.engineUri("http", "polling", sid))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> openPolling() throws Exception {
		return get(server.engineUri("http", "polling", null));
	}

	private String pollingSid() throws Exception {
		HttpResponse<String> response = openPolling();
		assertThat(response.statusCode()).isEqualTo(200);
		return Json.read(response.body().substring(1), JsonNode.class).get("sid").stringValue();
	}

	/** Counts drop when the server notices the close, shortly after the client sees it. */
	private static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (value.getAsInt() != expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(value.getAsInt()).isEqualTo(expected);
	}

	private void awaitZero() throws InterruptedException {
		awaitValue(() -> counts().total(), 0);
		awaitValue(() -> server.engine().sessionCount(), 0);
	}

	@Test
	void theOpenOverTheLimitGets429WithAJsonBodyAndAClosedOneMakesRoom() throws Exception {
		List<RawWebSocket> sockets = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			sockets.add(openWebSocket());
		}
		assertThat(loopbackCount()).isEqualTo(LIMIT);

		HttpResponse<String> refused = openPolling();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(t -> t.startsWith("application/json"));
		assertThat(refused.body()).isEqualTo(TOO_MANY);
		assertThatThrownBy(() -> RawWebSocket.connect(server.engineUri("ws", "websocket", null)))
			.isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					ex -> assertThat(ex.getResponse().statusCode()).isEqualTo(429));
		assertThat(counts().refused()).isEqualTo(2);
		assertThat(loopbackCount()).as("refusals take no slot").isEqualTo(LIMIT);

		sockets.remove(0).close();
		awaitValue(() -> counts().total(), LIMIT - 1);
		sockets.add(openWebSocket());
		assertThat(loopbackCount()).isEqualTo(LIMIT);

		sockets.forEach(RawWebSocket::close);
		awaitZero();
	}

	@Test
	void clientCloseAndParseErrorGiveTheSlotBack() throws Exception {
		RawWebSocket closing = connectedWebSocket();
		closing.send("1");
		closing.awaitClose();
		assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("transport close");
		awaitZero();

		RawWebSocket aborted = openWebSocket();
		aborted.close();
		awaitZero();

		try (RawWebSocket broken = connectedWebSocket()) {
			broken.send("not an engine.io packet");
			broken.awaitClose();
		}
		assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("parse error");
		awaitZero();

		String sid = pollingSid();
		post(sid, "40");
		assertThat(get(server.engineUri("http", "polling", sid)).body()).startsWith("40{\"sid\":");
		post(sid, "1");
		assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("transport close");
		awaitZero();
	}

	@Test
	void aFailedWebSocketHandshakeGivesTheSlotBack() throws Exception {
		try (Socket tcp = new Socket("127.0.0.1", server.port())) {
			tcp.setSoTimeout(15_000);
			tcp.getOutputStream()
				.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
						+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
						+ "Sec-WebSocket-Version: 99\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String status = new BufferedReader(new InputStreamReader(tcp.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(status).as("no WebSocket for an unknown version").doesNotContain(" 101 ");
		}
		awaitZero();
		assertThat(server.engine().sessionCount()).isZero();
	}

	@Test
	void pingTimeoutsGiveTheSlotBack() throws Exception {
		server.close();
		server = start(Duration.ofMillis(200));
		try (RawWebSocket silent = RawWebSocket.connect(server.engineUri("ws", "websocket", null))) {
			pollingSid();
			assertThat(counts().total()).isEqualTo(2);
			silent.awaitClose();
			awaitZero();
		}
	}

	@Test
	void anUpgradedPollingSessionCountsOnce() throws Exception {
		String sid = pollingSid();
		try (RawWebSocket socket = RawWebSocket.connect(server.engineUri("ws", "websocket", sid))) {
			socket.send("2probe");
			assertThat(socket.nextText()).isEqualTo("3probe");
			assertThat(loopbackCount()).as("the probe is the same session").isEqualTo(1);
			socket.send("5");
			socket.send("40");
			assertThat(socket.nextText()).startsWith("40{\"sid\":");
			assertThat(loopbackCount()).isEqualTo(1);
			assertThat(server.engine().sessionCount()).isEqualTo(1);
		}
		awaitZero();
	}

	@Test
	void concurrentOpensNeverExceedTheLimitAndAllSlotsComeBack() throws Exception {
		AtomicInteger opened = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int thread = 0; thread < 12; thread++) {
				boolean websocket = thread % 2 == 0;
				runs.add(pool.submit(() -> {
					for (int round = 0; round < 15; round++) {
						if (websocket ? openAndCloseWebSocket() : openAndClosePolling()) {
							opened.incrementAndGet();
						}
						else {
							refused.incrementAndGet();
						}
						peak.accumulateAndGet(counts().total(), Math::max);
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(opened.get() + refused.get()).isEqualTo(12 * 15);
		assertThat(opened.get()).isPositive();
		assertThat(refused.get()).as("12 threads against a limit of 3").isPositive();
		assertThat(peak.get()).isLessThanOrEqualTo(LIMIT);
		awaitZero();
	}

	private boolean openAndCloseWebSocket() throws Exception {
		RawWebSocket socket;
		try {
			socket = RawWebSocket.connect(server.engineUri("ws", "websocket", null));
		}
		catch (CompletionException ex) {
			assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
			return false;
		}
		try (socket) {
			socket.nextText();
			return true;
		}
	}

	private boolean openAndClosePolling() throws Exception {
		HttpResponse<String> open = openPolling();
		if (open.statusCode() == 429) {
			return false;
		}
		post(Json.read(open.body().substring(1), JsonNode.class).get("sid").stringValue(), "1");
		return true;
	}

}

package org.chat.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real server with raw http long-polling requests, and upgrades polling sessions to WebSocket. */
class PollingWireTest {

	/** One client per test: a pooled connection must never outlive the server it was opened to. */
	private final HttpClient http = HttpClient.newHttpClient();

	private final EchoNamespace echo = new EchoNamespace();

	private final SocketIoTestServer server = SocketIoTestServer.start(
			SocketIoTestServer.settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 10_000, 64), Duration.ofSeconds(3),
			io -> io.namespace("/", echo));

	@AfterEach
	void stop() {
		server.close();
	}

	private URI polling(String query) {
		return URI.create(server.uri() + SocketIoTestServer.PATH + "?" + query);
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> getAsync(URI uri) {
		return http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, URI uri, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String handshake() throws Exception {
		HttpResponse<String> response = get(polling("EIO=4&transport=polling"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> type.startsWith("text/plain"));
		assertThat(response.body()).startsWith("0");
		JsonNode open = Json.read(response.body().substring(1), JsonNode.class);
		assertThat(open.get("upgrades").get(0).stringValue()).isEqualTo("websocket");
		return open.get("sid").stringValue();
	}

	private URI session(String sid) {
		return polling("EIO=4&transport=polling&sid=" + sid);
	}

	@Test
	void badRequestsGet400WithTheReferenceJsonReason() throws Exception {
		assertThat(get(polling("transport=polling"))).satisfies(r -> {
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(r.body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
		});
		assertThat(get(polling("EIO=3&transport=polling")).body()).contains("\"code\":5");
		assertThat(get(polling("EIO=4")).body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
		assertThat(get(polling("EIO=4&transport=abc")).statusCode()).isEqualTo(400);
		assertThat(get(polling("EIO=4&transport=polling&sid=nope")).body())
			.isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
		HttpResponse<String> post = send("POST", polling("EIO=4&transport=polling"), "");
		assertThat(post.statusCode()).isEqualTo(400);
		assertThat(post.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
		assertThat(send("PUT", polling("EIO=4&transport=polling"), "").statusCode()).isEqualTo(400);
		assertThat(get(polling("EIO=4&transport=websocket")).statusCode()).as("a plain GET is no WebSocket upgrade")
			.isEqualTo(400);
	}

	@Test
	void connectsEmitsAndAcksOverPolling() throws Exception {
		String sid = handshake();
		HttpResponse<String> post = send("POST", session(sid), "40{\"token\":\"bob\"}");
		assertThat(post.statusCode()).isEqualTo(200);
		assertThat(post.body()).isEqualTo("ok");
		String payload = get(session(sid)).body();
		assertThat(payload).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}\u001e42\\[\"welcome\",\"bob\"]");

		send("POST", session(sid), "42[\"echo\",\"a\"]\u001e423[\"ack-me\",1]");
		assertThat(get(session(sid)).body()).isEqualTo("42[\"echo-back\",\"a\"]\u001e433[1]");
	}

	@Test
	void binaryTravelsBase64InsidePayloads() throws Exception {
		String sid = handshake();
		send("POST", session(sid), "40");
		get(session(sid));
		send("POST", session(sid), "451-[\"echo\",{\"_placeholder\":true,\"num\":0}]\u001ebAQIDBA==");
		assertThat(get(session(sid)).body())
			.isEqualTo("451-[\"echo-back\",{\"_placeholder\":true,\"num\":0}]\u001ebAQIDBA==");
	}

	@Test
	void aWaitingPollIsAnsweredWhenTheServerHasSomething() throws Exception {
		String sid = handshake();
		CompletableFuture<HttpResponse<String>> poll = getAsync(session(sid));
		send("POST", session(sid), "40");
		assertThat(poll.get(20, TimeUnit.SECONDS).body()).startsWith("40{\"sid\":");
	}

	@Test
	void aSecondConcurrentPollClosesTheSession() throws Exception {
		String sid = handshake();
		CompletableFuture<HttpResponse<String>> first = getAsync(session(sid));
		Thread.sleep(100); // the first poll must be parked before the second arrives
		assertThat(get(session(sid)).statusCode()).isEqualTo(400);
		assertThat(first.get(20, TimeUnit.SECONDS).body()).isEqualTo("1");
		assertThat(get(session(sid)).statusCode()).isEqualTo(400);
	}

	@Test
	void anUndecodableBodyClosesTheSession() throws Exception {
		String sid = handshake();
		assertThat(send("POST", session(sid), "abc").statusCode()).isEqualTo(400);
		assertThat(get(session(sid)).body()).contains("\"code\":1");
	}

	@Test
	void aBodyOverMaxPayloadIsRefusedAndClosesTheSession() throws Exception {
		String sid = handshake();
		assertThat(send("POST", session(sid), "4" + "x".repeat(10_000)).statusCode()).isEqualTo(413);
		assertThat(get(session(sid)).statusCode()).isEqualTo(400);
	}

	@Test
	void theClientsClosePacketAnswersTheWaitingPollWithNoop() throws Exception {
		String sid = handshake();
		CompletableFuture<HttpResponse<String>> poll = getAsync(session(sid));
		Thread.sleep(100);
		send("POST", session(sid), "1");
		assertThat(poll.get(20, TimeUnit.SECONDS).body()).isEqualTo("6");
		assertThat(get(session(sid)).statusCode()).isEqualTo(400);
	}

	@Test
	void upgradesToWebSocketWithProbeNoopAndUpgrade() throws Exception {
		String sid = handshake();
		send("POST", session(sid), "40");
		get(session(sid));
		try (RawWebSocket socket = RawWebSocket.connect(server.engineUri("ws", "websocket", sid))) {
			socket.send("2probe");
			assertThat(socket.nextText()).isEqualTo("3probe");
			assertThat(get(session(sid)).body()).as("the poll is released for the upgrade").isEqualTo("6");
			socket.send("5");
			socket.send("42[\"echo\",\"over websocket\"]");
			assertThat(socket.nextText()).isEqualTo("42[\"echo-back\",\"over websocket\"]");
			assertThat(get(session(sid)).statusCode()).as("polling is over for this session").isEqualTo(400);
			try (RawWebSocket second = RawWebSocket.connect(server.engineUri("ws", "websocket", sid))) {
				assertThat(second.awaitClose()).as("a second upgrade is accepted, then closed").isEqualTo(1000);
			}
			socket.send("42[\"echo\",\"still here\"]");
			assertThat(socket.nextText()).as("the upgraded transport is untouched")
				.isEqualTo("42[\"echo-back\",\"still here\"]");
		}
	}

	@Test
	void aShuttingDownServerRefusesNewSessionsAndClosesOpenOnes() throws Exception {
		String sid = handshake();
		server.engine().shutdown("server shutting down");
		assertThat(get(session(sid)).statusCode()).isEqualTo(400);
		HttpResponse<String> refused = get(polling("EIO=4&transport=polling"));
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).isEqualTo("{\"message\":\"Server shutting down\"}");
	}

	@Test
	void corsAllowsAnyOriginWhenConfiguredWithStar() throws Exception {
		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(polling("EIO=4&transport=polling"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://example.test")
			.header("Access-Control-Request-Headers", "content-type")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("*");
		assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValue("content-type");
	}

}

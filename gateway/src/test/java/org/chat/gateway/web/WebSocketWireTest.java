package org.chat.gateway.web;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.socketio.SocketIoSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real server with raw Engine.IO / Socket.IO frames over WebSocket. */
class WebSocketWireTest {

	private final EchoNamespace echo = new EchoNamespace();

	/**
	 * Heartbeat and connect timeout far beyond the 15 s a test waits for a close, so that only the behaviour
	 * under test can close a connection; the heartbeat and connect-timeout tests restart with short ones.
	 */
	private static final Duration QUIET = Duration.ofSeconds(60);

	private SocketIoTestServer server = start(QUIET, QUIET);

	private SocketIoTestServer start(Duration ping, Duration connectTimeout) {
		return SocketIoTestServer.start(SocketIoTestServer.settings(ping, ping, 10_000, 64), connectTimeout,
				io -> io.namespace("/", echo));
	}

	/** Restarts with a short heartbeat, after one warm-up connection: a cold JVM may take seconds to connect. */
	private void restart(Duration ping, Duration connectTimeout) throws InterruptedException {
		try (RawWebSocket warmUp = connected("40")) {
			warmUp.nextText();
		}
		server.close();
		assertThat(echo.disconnects.poll(15, TimeUnit.SECONDS)).as("the warm-up socket is gone").isNotNull();
		echo.sockets.clear();
		server = start(ping, connectTimeout);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private RawWebSocket open() throws InterruptedException {
		RawWebSocket socket = RawWebSocket.connect(server.engineUri("ws", "websocket", null));
		JsonNode open = Json.read(socket.nextText().substring(1), JsonNode.class);
		assertThat(open.propertyNames()).containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout",
				"maxPayload");
		assertThat(open.get("upgrades").isEmpty()).isTrue();
		assertThat(open.get("maxPayload").intValue()).isEqualTo(10_000);
		return socket;
	}

	private RawWebSocket connected(String connectFrame) throws InterruptedException {
		RawWebSocket socket = open();
		socket.send(connectFrame);
		assertThat(socket.nextText()).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}");
		return socket;
	}

	@Test
	void connectsWithAuthAndGetsTheWelcomeEvent() throws Exception {
		try (RawWebSocket socket = connected("40{\"token\":\"alice\"}")) {
			assertThat(socket.nextText()).isEqualTo("42[\"welcome\",\"alice\"]");
			SocketIoSocket connected = echo.sockets.poll(1, TimeUnit.SECONDS);
			assertThat(connected.handshakeAuth().path("token").stringValue()).isEqualTo("alice");
			assertThat(echo.handshakes.poll().query().get("EIO")).containsExactly("4");
		}
	}

	@Test
	void eventsAndAcksRoundTripExactly() throws Exception {
		try (RawWebSocket socket = connected("40")) {
			assertThat(socket.nextText()).isEqualTo("42[\"welcome\",\"anonymous\"]");
			socket.send("42[\"echo\",1,\"2\",{\"3\":[true]}]");
			assertThat(socket.nextText()).isEqualTo("42[\"echo-back\",1,\"2\",{\"3\":[true]}]");
			socket.send("4212[\"ack-me\",{\"a\":null}]");
			assertThat(socket.nextText()).isEqualTo("4312[{\"a\":null}]");
		}
	}

	@Test
	void binaryAttachmentsAreReassembledAndSentBack() throws Exception {
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			socket.send("452-[\"echo\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
			socket.send(new byte[] { 1, 2, 3 });
			socket.send(new byte[] { 4, 5, 6 });
			assertThat(socket.nextText())
				.isEqualTo("452-[\"echo-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
			assertThat(socket.nextBinary()).containsExactly(1, 2, 3);
			assertThat(socket.nextBinary()).containsExactly(4, 5, 6);
			socket.send("451-7[\"ack-me\",{\"_placeholder\":true,\"num\":0}]");
			socket.send(new byte[] { 9 });
			assertThat(socket.nextText()).isEqualTo("461-7[{\"_placeholder\":true,\"num\":0}]");
			assertThat(socket.nextBinary()).containsExactly(9);
		}
	}

	@Test
	void unknownNamespaceAndRejectedAuthGetConnectErrors() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.send("40/nope,");
			assertThat(socket.nextText()).isEqualTo("44/nope,{\"message\":\"Invalid namespace\"}");
			socket.send("40{\"token\":\"bad\"}");
			assertThat(socket.nextText()).isEqualTo("44{\"message\":\"unauthorized\"}");
			assertThat(echo.sockets).isEmpty();
		}
	}

	@Test
	void answersServerPingsAndClosesWhenPongsStop() throws Exception {
		restart(Duration.ofMillis(300), Duration.ofSeconds(3));
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			assertThat(socket.next(false)).isEqualTo("2");
			socket.send("3");
			assertThat(socket.next(false)).isEqualTo("2");
			socket.awaitClose();
			assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("ping timeout");
		}
	}

	@Test
	void clientNamespaceDisconnectKeepsTheConnection() throws Exception {
		restart(Duration.ofMillis(500), Duration.ofMillis(2000));
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			socket.send("41");
			assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("client namespace disconnect");
			for (int ping = 0; ping < 6; ping++) {
				assertThat(socket.next(false)).as("pings continue past the connect timeout").isEqualTo("2");
				socket.send("3");
			}
			assertThat(socket.isClosed()).isFalse();
		}
	}

	@Test
	void serverDisconnectSendsTheDisconnectPacket() throws Exception {
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			SocketIoSocket connected = echo.sockets.poll(1, TimeUnit.SECONDS);
			connected.disconnect("kicked");
			assertThat(socket.nextText()).isEqualTo("41");
			assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("kicked");
			assertThat(connected.emit("late", Delivery.RELIABLE)).isEqualTo(SocketIoSocket.Outcome.CLOSED);
		}
	}

	@Test
	void protocolViolationsCloseTheConnection() throws Exception {
		for (String violation : new String[] { "42{}", "4abc", "42abc[\"x\"]", "abc", "41/other,", "44{\"message\":1}" }) {
			try (RawWebSocket socket = connected("40")) {
				socket.nextText();
				socket.send(violation);
				socket.awaitClose();
				assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).as(violation).isEqualTo("parse error");
			}
		}
	}

	@Test
	void aBinaryFrameWithoutAPendingBinaryPacketIsAViolation() throws Exception {
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			socket.send(new byte[] { 1 });
			socket.awaitClose();
			assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("parse error");
		}
	}

	@Test
	void framesOverMaxPayloadCloseTheConnection() throws Exception {
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			try {
				socket.send("42[\"echo\",\"" + "x".repeat(10_001) + "\"]");
			}
			catch (CompletionException closedWhileSending) {
				// the server may close before the client finished writing
			}
			assertThat(socket.awaitClose()).as("close status: message too big").isEqualTo(1009);
			// Reactor Netty refuses the frame before the engine sees it: the transport just ends
			assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("transport close");
		}
	}

	@Test
	void connectionsThatNeverConnectANamespaceAreClosed() throws Exception {
		restart(Duration.ofMillis(300), Duration.ofMillis(1000));
		try (RawWebSocket socket = open()) {
			long start = System.nanoTime();
			while (!socket.isClosed()) {
				Object frame = socket.frames().poll(50, TimeUnit.MILLISECONDS);
				if ("2".equals(frame)) {
					socket.send("3");
				}
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		}
	}

	@Test
	void theClientsClosePacketEndsTheSession() throws Exception {
		try (RawWebSocket socket = connected("40")) {
			socket.nextText();
			socket.send("1");
			socket.awaitClose();
			assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("transport close");
			assertThat(server.engine().sessionCount()).isZero();
		}
	}

}

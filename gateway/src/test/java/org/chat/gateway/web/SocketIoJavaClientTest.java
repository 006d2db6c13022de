package org.chat.gateway.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import org.chat.gateway.socketio.SocketIoSocket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Java client ({@code io.socket:socket.io-client} 2.1.2) against the real server: WebSocket only,
 * and polling with upgrade (the client's default).
 */
class SocketIoJavaClientTest {

	private final EchoNamespace echo = new EchoNamespace();

	private final SocketIoTestServer server = SocketIoTestServer.start(io -> io.namespace("/", echo));

	private Socket client;

	@AfterEach
	void stop() {
		if (client != null) {
			client.disconnect();
			client.close();
		}
		server.close();
	}

	private Socket client(String token, String transports) {
		IO.Options options = IO.Options.builder()
			.setAuth(Map.of("token", token))
			.setTransports(transports.split(","))
			.setReconnection(false)
			.build();
		client = IO.socket(server.uri(), options);
		return client;
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling,websocket" })
	void connectsWithATokenEmitsWithAckAndReceivesEvents(String transports) throws Exception {
		Socket socket = client("alice", transports);
		CompletableFuture<Object> welcome = new CompletableFuture<>();
		CompletableFuture<Object[]> echoed = new CompletableFuture<>();
		socket.on("welcome", args -> welcome.complete(args[0]));
		socket.on("echo-back", echoed::complete);
		socket.connect();

		assertThat(welcome.get(10, TimeUnit.SECONDS)).isEqualTo("alice");
		CompletableFuture<Object[]> acked = new CompletableFuture<>();
		socket.emit("ack-me", new Object[] { new JSONObject().put("text", "hi").put("n", 3), "two" }, acked::complete);
		Object[] ack = acked.get(10, TimeUnit.SECONDS);
		assertThat(ack).hasSize(2);
		assertThat(((JSONObject) ack[0]).getString("text")).isEqualTo("hi");
		assertThat(((JSONObject) ack[0]).getInt("n")).isEqualTo(3);
		assertThat(ack[1]).isEqualTo("two");

		socket.emit("echo", new byte[] { 1, 2, 3 }, "text");
		Object[] back = echoed.get(10, TimeUnit.SECONDS);
		assertThat((byte[]) back[0]).containsExactly(1, 2, 3);
		assertThat(back[1]).isEqualTo("text");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling,websocket" })
	void aRejectedTokenGetsConnectErrorUnauthorized(String transports) throws Exception {
		Socket socket = client("bad", transports);
		CompletableFuture<Object> error = new CompletableFuture<>();
		socket.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
		socket.connect();
		Object data = error.get(10, TimeUnit.SECONDS);
		assertThat(data).isInstanceOf(JSONObject.class);
		assertThat(data.toString()).isEqualTo("{\"message\":\"unauthorized\"}");
		assertThat(socket.connected()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket" })
	void serverDisconnectAndClientDisconnectAreSeenByBothSides(String transports) throws Exception {
		Socket socket = client("carol", transports);
		CompletableFuture<Object> disconnected = new CompletableFuture<>();
		socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args[0]));
		socket.connect();
		SocketIoSocket serverSide = echo.sockets.poll(10, TimeUnit.SECONDS);
		serverSide.disconnect("kicked");
		assertThat(disconnected.get(10, TimeUnit.SECONDS)).isEqualTo("io server disconnect");
		assertThat(echo.disconnects.poll(1, TimeUnit.SECONDS)).isEqualTo("kicked");

		Socket again = client("carol", transports);
		again.connect();
		echo.sockets.poll(10, TimeUnit.SECONDS);
		again.disconnect();
		assertThat(echo.disconnects.poll(10, TimeUnit.SECONDS)).isIn("client namespace disconnect", "transport close");
	}

}

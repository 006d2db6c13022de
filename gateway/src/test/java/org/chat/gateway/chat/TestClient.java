package org.chat.gateway.chat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONObject;

/** The official Java Socket.IO client over WebSocket, with futures for connect, acks and received events. */
final class TestClient implements AutoCloseable {

	record Event(String name, Object data) {
	}

	final Socket socket;

	final CompletableFuture<String> connected = new CompletableFuture<>();

	final CompletableFuture<String> connectError = new CompletableFuture<>();

	final CompletableFuture<String> disconnected = new CompletableFuture<>();

	final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	TestClient(int port, String token, String... listenTo) {
		IO.Options options = IO.Options.builder()
			.setTransports(new String[] { WebSocket.NAME })
			.setReconnection(false)
			.setAuth((token != null) ? Map.of("token", token) : Map.of())
			.build();
		this.socket = IO.socket(URI.create("http://127.0.0.1:" + port), options);
		this.socket.on(Socket.EVENT_CONNECT, args -> this.connected.complete(this.socket.id()));
		this.socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
			String message = ((JSONObject) args[0]).optString("message");
			// connected first: a test that saw connectError must also see connected failed
			this.connected.completeExceptionally(new AssertionError("connect_error " + message));
			this.connectError.complete(message);
		});
		this.socket.on(Socket.EVENT_DISCONNECT, args -> this.disconnected.complete(String.valueOf(args[0])));
		for (String event : listenTo) {
			this.socket.on(event, args -> this.events.add(new Event(event, (args.length > 0) ? args[0] : null)));
		}
		this.socket.connect();
	}

	String awaitConnected() throws Exception {
		return this.connected.get(30, TimeUnit.SECONDS);
	}

	/** Emits with an ack callback; the future holds the first ack argument. */
	CompletableFuture<JSONObject> emitWithAck(String event, Object... args) {
		CompletableFuture<JSONObject> answer = new CompletableFuture<>();
		Object[] withAck = java.util.Arrays.copyOf(args, args.length + 1);
		withAck[args.length] = (Ack) ackArgs -> answer.complete((JSONObject) ackArgs[0]);
		this.socket.emit(event, withAck);
		return answer;
	}

	Event nextEvent(Duration timeout) throws InterruptedException {
		Event event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null) {
			throw new AssertionError("no event within " + timeout);
		}
		return event;
	}

	@Override
	public void close() {
		this.socket.close();
	}

}

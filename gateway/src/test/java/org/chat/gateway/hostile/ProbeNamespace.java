package org.chat.gateway.hostile;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A namespace for hostile-input tests: {@code echo} comes back as {@code echo-back}; {@code flood} makes the
 * server push 8 KB events from another thread (as fan-out does) until the socket stops taking them, and
 * records how many were queued and why it stopped. Disconnect reasons are recorded.
 */
final class ProbeNamespace implements ConnectionHandler {

	static final String BIG = "x".repeat(8_192);

	record Flood(int queued, SocketIoSocket.Outcome stoppedBy) {
	}

	final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

	final CompletableFuture<Flood> flood = new CompletableFuture<>();

	@Override
	public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
		return Mono.just("anonymous");
	}

	@Override
	public void onConnect(SocketIoSocket socket, Object principal) {
		socket.on("echo", (s, event, args, ack) -> s.emit("echo-back", Delivery.RELIABLE, args.toArray()));
		socket.on("flood", (s, event, args, ack) -> {
			Thread pusher = new Thread(() -> flood(s), "flood");
			pusher.setDaemon(true);
			pusher.start();
		});
		socket.onDisconnect(disconnects::add);
	}

	private void flood(SocketIoSocket socket) {
		int queued = 0;
		SocketIoSocket.Outcome outcome;
		while ((outcome = socket.emit("big", Delivery.RELIABLE, BIG)) == SocketIoSocket.Outcome.QUEUED && queued < 1_000_000) {
			queued++;
		}
		flood.complete(new Flood(queued, outcome));
	}

}

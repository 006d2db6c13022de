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
 * records how many were queued and why it stopped; {@code snapshots} makes it push numbered LATEST snapshots
 * until one replaces an older one still queued, then one more and a reliable {@code done}. Disconnect reasons
 * are recorded.
 */
final class ProbeNamespace implements ConnectionHandler {

	static final String BIG = "x".repeat(8_192);

	record Flood(int queued, SocketIoSocket.Outcome stoppedBy) {
	}

	final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

	final CompletableFuture<Flood> flood = new CompletableFuture<>();

	/** How many snapshots were emitted (numbered 1..n), or the outcome that stopped them early. */
	final CompletableFuture<Integer> snapshots = new CompletableFuture<>();

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
		socket.on("snapshots", (s, event, args, ack) -> {
			Thread pusher = new Thread(() -> snapshots(s), "snapshots");
			pusher.setDaemon(true);
			pusher.start();
		});
		socket.onDisconnect(disconnects::add);
	}

	private void snapshots(SocketIoSocket socket) {
		Delivery latest = Delivery.latest("snapshot");
		for (int n = 1; n < 100_000; n++) {
			SocketIoSocket.Outcome outcome = socket.emit("snapshot", latest, n, BIG);
			if (outcome == SocketIoSocket.Outcome.REPLACED) {
				socket.emit("snapshot", latest, n + 1, BIG);
				socket.emit("done", Delivery.RELIABLE);
				snapshots.complete(n + 1);
				return;
			}
			if (outcome != SocketIoSocket.Outcome.QUEUED) {
				snapshots.completeExceptionally(new IllegalStateException("snapshot " + n + ": " + outcome));
				return;
			}
		}
		snapshots.completeExceptionally(new IllegalStateException("no snapshot was ever replaced"));
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

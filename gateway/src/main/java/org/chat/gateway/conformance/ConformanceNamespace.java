package org.chat.gateway.conformance;

import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A namespace of the reference test server: every socket is admitted and gets {@code auth} with its handshake
 * auth; with {@code echo}, {@code message} comes back as {@code message-back} and {@code message-with-ack} is
 * acknowledged with its own arguments.
 */
final class ConformanceNamespace implements ConnectionHandler {

	private final boolean echo;

	ConformanceNamespace(boolean echo) {
		this.echo = echo;
	}

	@Override
	public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
		return Mono.just(auth);
	}

	@Override
	public void onConnect(SocketIoSocket socket, Object principal) {
		socket.emit("auth", Delivery.RELIABLE, socket.handshakeAuth());
		if (!echo) {
			return;
		}
		socket.on("message", (s, event, args, ack) -> s.emit("message-back", Delivery.RELIABLE, args.toArray()));
		socket.on("message-with-ack", (s, event, args, ack) -> {
			if (ack != null) {
				ack.send(args.toArray());
			}
		});
	}

}

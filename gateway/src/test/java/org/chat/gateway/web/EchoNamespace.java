package org.chat.gateway.web;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.socketio.ConnectRejected;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A namespace for wire tests: token "bad" is rejected with {@code unauthorized}; on connect the socket gets
 * {@code welcome} with the principal (the token); {@code echo} comes back as {@code echo-back}; {@code ack-me}
 * is acknowledged with its arguments. Disconnect reasons are recorded.
 */
final class EchoNamespace implements ConnectionHandler {

	final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

	final BlockingQueue<SocketIoSocket> sockets = new LinkedBlockingQueue<>();

	final BlockingQueue<HandshakeInfo> handshakes = new LinkedBlockingQueue<>();

	@Override
	public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
		handshakes.add(handshake);
		String token = auth.path("token").asString("anonymous");
		return "bad".equals(token) ? Mono.error(new ConnectRejected("unauthorized")) : Mono.just(token);
	}

	@Override
	public void onConnect(SocketIoSocket socket, Object principal) {
		socket.on("echo", (s, event, args, ack) -> s.emit("echo-back", Delivery.RELIABLE, args.toArray()));
		socket.on("ack-me", (s, event, args, ack) -> ack.send(args.toArray()));
		socket.onDisconnect(disconnects::add);
		sockets.add(socket);
		socket.emit("welcome", Delivery.RELIABLE, principal);
	}

}

package org.chat.gateway.socketio;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The application side of one namespace. {@link #authorize} runs on CONNECT before the socket exists:
 * an error signal of {@link ConnectRejected} becomes a CONNECT_ERROR with its message (and data).
 * {@link #onConnect} runs once the CONNECT answer is queued.
 */
public interface ConnectionHandler {

	/** @return the value passed to onConnect as {@code principal} (e.g. the authenticated user). */
	Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake);

	void onConnect(SocketIoSocket socket, Object principal);

}

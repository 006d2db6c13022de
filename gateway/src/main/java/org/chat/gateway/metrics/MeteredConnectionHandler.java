package org.chat.gateway.metrics;

import java.time.Clock;

import org.chat.gateway.socketio.ConnectRejected;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Hands the chat handler {@link MeteredSocket}s and counts refused CONNECTs by their code. */
public class MeteredConnectionHandler implements ConnectionHandler {

	private final ConnectionHandler delegate;

	private final GatewayMetrics metrics;

	private final Clock clock;

	public MeteredConnectionHandler(ConnectionHandler delegate, GatewayMetrics metrics, Clock clock) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
		return this.delegate.authorize(auth, handshake)
			.doOnError(ConnectRejected.class, ex -> this.metrics.error(ex.getMessage()));
	}

	@Override
	public void onConnect(SocketIoSocket socket, Object principal) {
		this.delegate.onConnect(new MeteredSocket(socket, this.metrics, this.clock), principal);
	}

}

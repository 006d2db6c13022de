package org.chat.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.chat.gateway.socketio.ConnectRejected;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Times each CONNECT to its answer, counts refused ones by their code, hands the chat handler {@link MeteredSocket}s. */
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
		return Mono.defer(() -> {
			Instant start = this.clock.instant();
			return this.delegate.authorize(auth, handshake)
				.doOnSuccess(principal -> answered(true, start))
				.doOnError(ex -> answered(false, start))
				.doOnError(ConnectRejected.class, ex -> this.metrics.error(ex.getMessage()));
		});
	}

	private void answered(boolean ok, Instant start) {
		this.metrics.connectAnswered(ok, Duration.between(start, this.clock.instant()));
	}

	@Override
	public void onConnect(SocketIoSocket socket, Object principal) {
		this.delegate.onConnect(new MeteredSocket(socket, this.metrics, this.clock), principal);
	}

}

package org.chat.gateway.chat;


import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.contracts.client.ErrorCode;
import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.presence.EpochAllocator;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.socketio.ConnectRejected;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.SocketIoSocket;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The chat namespace: CONNECT needs {@code auth.token} (else {@code unauthorized}) and an epoch from Redis
 * (else {@code unavailable}); a connected socket is announced with {@code session.opened}, its close with
 * {@code session.closed}.
 */
public class ChatConnectionHandler implements ConnectionHandler {

	private static final Log log = LogFactory.getLog(ChatConnectionHandler.class);


	private final TokenAuthenticator authenticator;

	private final EpochAllocator epochs;

	private final ChatSessions lifecycle;

	public ChatConnectionHandler(TokenAuthenticator authenticator, EpochAllocator epochs, ChatSessions lifecycle) {
		this.authenticator = authenticator;
		this.epochs = epochs;
		this.lifecycle = lifecycle;
	}

	@Override
	public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
		if (this.lifecycle.isDraining()) {
			return Mono.error(new ConnectRejected(ErrorCode.UNAVAILABLE.code()));
		}
		JsonNode token = (auth != null) ? auth.get("token") : null;
		return this.authenticator.authenticate((token != null && token.isString()) ? token.stringValue() : null)
			.onErrorMap(ex -> {
				log.debug("CONNECT refused: " + ex.getMessage());
				return new ConnectRejected(ErrorCode.UNAUTHORIZED.code());
			})
			.flatMap(user -> this.epochs.next(user.userId()).<Object>map(epoch -> new ConnectedUser(user.userId(), epoch))
				.onErrorMap(ex -> {
					log.warn("CONNECT refused, no epoch from Redis: " + ex);
					return new ConnectRejected(ErrorCode.UNAVAILABLE.code());
				}))
			// the rest of the connect (ack, session, session.opened) must not run on the Redis client's one I/O
			// thread: in a reconnect storm it queued every INCR reply behind thousands of connects (2 s epoch
			// timeouts, CONNECTs refused)
			.publishOn(Schedulers.parallel());
	}

	@Override
	public void onConnect(SocketIoSocket socket, Object principal) {
		ChatSession session = this.lifecycle.open(socket, (ConnectedUser) principal);
		// one listener for every event (ChatEvents dispatches by name, unknown ones included): a listener table
		// per socket would cost an idle connection a map and eight entries
		socket.onAny((sock, event, args, ack) -> this.lifecycle.events().handle(session, event, args, ack));
		socket.onDisconnect(reason -> this.lifecycle.close(session, reason));
		if (!socket.isConnected()) {
			this.lifecycle.close(session, "transport close");
		}
	}

}

package org.chat.gateway.socketio;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * One connected Socket.IO socket in one namespace: the seam between the protocol layers (engine.io
 * codec, transports, socket.io codec, namespaces) and the application (chat or conformance handlers).
 */
public interface SocketIoSocket {

	/** The Socket.IO socket id (sent in the CONNECT answer); the chat's session id. */
	String id();

	String namespace();

	/** The {@code auth} object of the CONNECT packet, or an empty object. */
	JsonNode handshakeAuth();

	InetSocketAddress remoteAddress();

	/** Registers the handler of a client event (one per event name; a later one replaces it). */
	void on(String event, EventListener listener);

	/** Called for client events no listener was registered for. */
	void onAny(EventListener listener);

	/** Called once when the socket is gone, with the reason (e.g. "client namespace disconnect", "transport close"). */
	void onDisconnect(Consumer<String> listener);

	/**
	 * Queues an EVENT packet. Must not block.
	 * @param droppable true for traffic that may be shed under backpressure (typing indicators)
	 */
	Outcome emit(String event, boolean droppable, Object... args);

	/** Sends an ACK packet for a client event's ack id. */
	void ack(long ackId, Object... args);

	/** Server-initiated disconnect (DISCONNECT packet for this namespace, then the socket is gone). */
	void disconnect(String reason);

	boolean isConnected();

	/** What happened to an emitted packet. */
	enum Outcome {

		/** Queued for writing. */
		QUEUED,
		/** Dropped: droppable and the outbound queue is above half full. */
		SHED,
		/** The outbound queue was full: the connection is being closed so the client reconnects and resyncs. */
		OVERFLOW,
		/** The socket is already gone. */
		CLOSED

	}

}

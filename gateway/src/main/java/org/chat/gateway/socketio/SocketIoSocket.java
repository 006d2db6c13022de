package org.chat.gateway.socketio;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.chat.gateway.engineio.Delivery;
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
	 * @param delivery RELIABLE, DROPPABLE (may be shed under backpressure: typing indicators) or LATEST(key) (a
	 *        snapshot that supersedes this socket's older one of the same key not yet written: the user list)
	 */
	Outcome emit(String event, Delivery delivery, Object... args);

	/** Queues an EVENT encoded once for many sockets (a fan-out); otherwise as {@link #emit(String, Delivery, Object...)}. */
	Outcome emit(PreparedEvent event, Delivery delivery);

	/** Sends an ACK packet for a client event's ack id. */
	void ack(long ackId, Object... args);

	/** Server-initiated disconnect (DISCONNECT packet for this namespace, then the socket is gone). */
	void disconnect(String reason);

	boolean isConnected();

	/** What happened to an emitted packet. */
	enum Outcome {

		/** Queued for writing. */
		QUEUED,
		/** Queued for writing in place of an older LATEST emit of the same key, which is skipped. */
		REPLACED,
		/** Dropped: droppable and the outbound queue is above half full (packets or bytes). */
		SHED,
		/** The outbound queue was full: the connection is being closed so the client reconnects and resyncs. */
		OVERFLOW,
		/** The socket is already gone. */
		CLOSED;

		/** Whether the emit is on its way to the client. */
		public boolean queued() {
			return this == QUEUED || this == REPLACED;
		}

	}

}

package org.chat.gateway.socketio;

/** Answers one client event's ack id; only the first call is sent. */
@FunctionalInterface
public interface Ack {

	void send(Object... args);

}

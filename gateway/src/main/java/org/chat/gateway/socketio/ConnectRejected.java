package org.chat.gateway.socketio;

/** Refuses a CONNECT: the client gets CONNECT_ERROR {@code {"message": message}} and nothing else. */
public class ConnectRejected extends RuntimeException {

	public ConnectRejected(String message) {
		super(message, null, false, false);
	}

}

package org.chat.gateway.socketio.codec;

/** A Socket.IO protocol violation: the engine connection that sent it is closed. */
public class SioProtocolException extends RuntimeException {

	public SioProtocolException(String message) {
		super(message, null, false, false);
	}

}

package org.chat.gateway.engineio.codec;

/** Undecodable Engine.IO input: the connection that sent it is closed. */
public class EngineProtocolException extends RuntimeException {

	public EngineProtocolException(String message) {
		super(message, null, false, false);
	}

}

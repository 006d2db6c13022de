package org.chat.gateway.engineio.transport;

import org.chat.gateway.engineio.EngineError;

/** A request the Engine.IO endpoint refuses with HTTP 400 and the reference JSON body. */
public class EngineRequestException extends RuntimeException {

	private final EngineError error;

	public EngineRequestException(EngineError error) {
		super(error.message(), null, false, false);
		this.error = error;
	}

	public EngineError error() {
		return error;
	}

}

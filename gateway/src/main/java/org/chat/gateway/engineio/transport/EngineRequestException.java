package org.chat.gateway.engineio.transport;

import org.chat.gateway.engineio.EngineError;

/** A request the Engine.IO endpoint refuses with the error's HTTP status and JSON body. */
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

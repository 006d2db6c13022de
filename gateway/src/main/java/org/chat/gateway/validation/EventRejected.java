package org.chat.gateway.validation;

import org.chat.contracts.client.ErrorCode;

/** A client event that is not accepted; the client gets {@code code} and {@code message}, the socket stays up. */
public class EventRejected extends RuntimeException {

	private final ErrorCode code;

	public EventRejected(ErrorCode code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public static EventRejected invalid(String message) {
		return new EventRejected(ErrorCode.INVALID_PAYLOAD, message);
	}

	public ErrorCode code() {
		return this.code;
	}

}

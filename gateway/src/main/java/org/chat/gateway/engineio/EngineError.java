package org.chat.gateway.engineio;

/** The HTTP 400 reasons of the reference server, answered as {@code {"code":N,"message":"..."}}. */
public enum EngineError {

	UNKNOWN_TRANSPORT(0, "Transport unknown"),
	UNKNOWN_SID(1, "Session ID unknown"),
	BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
	BAD_REQUEST(3, "Bad request"),
	FORBIDDEN(4, "Forbidden"),
	UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

	private final int code;

	private final String message;

	EngineError(int code, String message) {
		this.code = code;
		this.message = message;
	}

	public int code() {
		return code;
	}

	public String message() {
		return message;
	}

	public String json() {
		return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
	}

}

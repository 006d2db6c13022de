package org.chat.gateway.engineio;

/**
 * Why a request is refused, answered as {@code {"code":N,"message":"..."}}: codes 0-5 are the HTTP 400 reasons
 * of the reference server; {@link #TOO_MANY_CONNECTIONS} (code 6, HTTP 429) is this server's own.
 */
public enum EngineError {

	UNKNOWN_TRANSPORT(0, "Transport unknown"),
	UNKNOWN_SID(1, "Session ID unknown"),
	BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
	BAD_REQUEST(3, "Bad request"),
	FORBIDDEN(4, "Forbidden"),
	UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version"),
	/** The remote address already holds {@code chat.engine.max-connections-per-address} sessions. */
	TOO_MANY_CONNECTIONS(6, "Too many connections", 429);

	private final int code;

	private final String message;

	private final int httpStatus;

	EngineError(int code, String message) {
		this(code, message, 400);
	}

	EngineError(int code, String message, int httpStatus) {
		this.code = code;
		this.message = message;
		this.httpStatus = httpStatus;
	}

	public int httpStatus() {
		return httpStatus;
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

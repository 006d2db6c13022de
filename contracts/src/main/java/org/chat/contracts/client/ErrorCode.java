package org.chat.contracts.client;

/** Error codes of docs/PROTOCOL.md, as sent in {@code error.code} and {@code chat_error.code}. */
public enum ErrorCode {

	INVALID_PAYLOAD("invalid_payload"),
	PAYLOAD_TOO_LARGE("payload_too_large"),
	RATE_LIMITED("rate_limited"),
	UNKNOWN_EVENT("unknown_event"),
	UNAUTHORIZED("unauthorized"),
	UNAVAILABLE("unavailable");

	private final String code;

	ErrorCode(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}

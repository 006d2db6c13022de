package org.chat.gateway.auth;

/** A token that is missing, malformed, badly signed, expired or names an invalid user id. */
public class Unauthorized extends RuntimeException {

	public Unauthorized(String reason, Throwable cause) {
		super(reason, cause, false, false);
	}

	public Unauthorized(String reason) {
		this(reason, null);
	}

}

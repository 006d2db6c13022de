package org.chat.gateway.engineio;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids (20 URL-safe characters from 15 random bytes), like the reference server's base64id. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private Ids() {
	}

	public static String random() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

}

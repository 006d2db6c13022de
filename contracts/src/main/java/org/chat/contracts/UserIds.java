package org.chat.contracts;

import java.util.regex.Pattern;

/**
 * The user id format every service accepts: 1–64 characters of letters, digits, '_', '-', '.', '@'.
 * It keeps ids safe as Redis key parts, Kafka keys and Mongo values (no '$', no ':').
 */
public final class UserIds {

	public static final int MAX_LENGTH = 64;

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

	private UserIds() {
	}

	public static boolean isValid(String id) {
		return id != null && VALID.matcher(id).matches();
	}

}

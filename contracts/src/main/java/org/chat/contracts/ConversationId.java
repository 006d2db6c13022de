package org.chat.contracts;

/** A 1:1 conversation is named by its two user ids, sorted and joined by ':'. It is the Kafka key. */
public final class ConversationId {

	private ConversationId() {
	}

	public static String of(String userA, String userB) {
		return userA.compareTo(userB) <= 0 ? userA + ":" + userB : userB + ":" + userA;
	}

}

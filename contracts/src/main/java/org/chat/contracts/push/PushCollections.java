package org.chat.contracts.push;

/** MongoDB collections the notification-service reads or owns. The only place these names live. */
public final class PushCollections {

	/** One document per user: {@code _id} = user id, its devices and its notification preferences. */
	public static final String PUSH_USERS = "push_users";

	/**
	 * The message-service's unread counters ({@code _id} = recipient|sender, {@code recipient}, {@code count},
	 * {@code partition}, {@code upTo}); the notification-service reads them for the badge.
	 */
	public static final String UNREAD_COUNTERS = "unread";

	private PushCollections() {
	}

}

package org.chat.contracts;

/** Kafka topic and consumer-group names. The only place these strings live. */
public final class Topics {

	/** Messages, receipts and reads; key = {@link ConversationId} (or user id for profile updates). */
	public static final String MESSAGES = "chat.messages";

	/**
	 * Message queries (unread counts, history, sync); key = user id. Apart from {@link #MESSAGES} so that a
	 * reconnecting client's sync never waits behind a backlog of message traffic.
	 */
	public static final String QUERIES = "chat.queries";

	/** Session lifecycle, typing and user-list requests; key = user id. */
	public static final String PRESENCE = "chat.presence";

	public static final String MESSAGE_SERVICE_GROUP = "message-service";

	/** The message-service's consumer group for {@link #QUERIES}: queries need no partition ownership. */
	public static final String MESSAGE_QUERIES_GROUP = "message-service-queries";

	public static final String PRESENCE_SERVICE_GROUP = "presence-service";

	public static final int DEFAULT_PARTITIONS = 12;

	private Topics() {
	}

}

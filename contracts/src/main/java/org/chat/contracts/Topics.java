package org.chat.contracts;

/** Kafka topic and consumer-group names. The only place these strings live. */
public final class Topics {

	/** Messages, receipts and message queries; key = {@link ConversationId} (or user id for per-user queries). */
	public static final String MESSAGES = "chat.messages";

	/** Session lifecycle, typing and user-list requests; key = user id. */
	public static final String PRESENCE = "chat.presence";

	public static final String MESSAGE_SERVICE_GROUP = "message-service";

	public static final String PRESENCE_SERVICE_GROUP = "presence-service";

	public static final int DEFAULT_PARTITIONS = 12;

	private Topics() {
	}

}

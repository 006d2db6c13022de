package org.chat.contracts;

/** Kafka topic, consumer-group and record-header names. The only place these strings live. */
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

	/** Push-token registrations and notification preferences; key = user id. */
	public static final String PUSH_SETTINGS = "chat.push.settings";

	/** One push to one device, decided by the notification-service; key = recipient user id. */
	public static final String PUSH_JOBS = "chat.push.jobs";

	public static final String MESSAGE_SERVICE_GROUP = "message-service";

	/** The message-service's consumer group for {@link #QUERIES}: queries need no partition ownership. */
	public static final String MESSAGE_QUERIES_GROUP = "message-service-queries";

	public static final String PRESENCE_SERVICE_GROUP = "presence-service";

	/** Reads {@link #MESSAGES} with its own offsets and decides which messages to push. */
	public static final String NOTIFICATION_SERVICE_GROUP = "notification-service";

	/** Reads {@link #PUSH_SETTINGS} into the notification-service's store. */
	public static final String PUSH_SETTINGS_GROUP = "notification-service-settings";

	/** Reads {@link #PUSH_JOBS} and talks to the push providers. */
	public static final String PUSH_SENDER_GROUP = "notification-service-push";

	public static final int DEFAULT_PARTITIONS = 12;

	/**
	 * Header on every record naming its {@link org.chat.contracts.envelope.EventType} (the wire name, UTF-8), so
	 * a consumer picks the decoder without parsing the value. The value's {@code type} field stays: records
	 * written before the header existed are decoded by it.
	 */
	public static final String EVENT_TYPE_HEADER = "event-type";

	private Topics() {
	}

}

package org.chat.contracts;

/** Kafka topic and consumer-group names. The only place these strings live. */
public final class Topics {

	/** Messages, receipts and message queries; key = {@link ConversationId} (or user id for per-user queries). */
	public static final String MESSAGES = "chat.messages";

	/** Session lifecycle, typing and user-list requests; key = user id. */
	public static final String PRESENCE = "chat.presence";

	/** Push-token registrations and notification preferences; key = user id. */
	public static final String PUSH_SETTINGS = "chat.push.settings";

	/** One push to one device, decided by the notification-service; key = recipient user id. */
	public static final String PUSH_JOBS = "chat.push.jobs";

	public static final String MESSAGE_SERVICE_GROUP = "message-service";

	public static final String PRESENCE_SERVICE_GROUP = "presence-service";

	/** Reads {@link #MESSAGES} with its own offsets and decides which messages to push. */
	public static final String NOTIFICATION_SERVICE_GROUP = "notification-service";

	/** Reads {@link #PUSH_SETTINGS} into the notification-service's store. */
	public static final String PUSH_SETTINGS_GROUP = "notification-service-settings";

	/** Reads {@link #PUSH_JOBS} and talks to the push providers. */
	public static final String PUSH_SENDER_GROUP = "notification-service-push";

	public static final int DEFAULT_PARTITIONS = 12;

	private Topics() {
	}

}

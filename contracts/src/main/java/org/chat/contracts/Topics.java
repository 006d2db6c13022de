package org.chat.contracts;

/** Kafka topic, consumer-group and record-header names. The only place these strings live. */
public final class Topics {

	/** Messages, receipts and message queries; key = {@link ConversationId} (or user id for per-user queries). */
	public static final String MESSAGES = "chat.messages";

	/** Session lifecycle, typing and user-list requests; key = user id. */
	public static final String PRESENCE = "chat.presence";

	public static final String MESSAGE_SERVICE_GROUP = "message-service";

	public static final String PRESENCE_SERVICE_GROUP = "presence-service";

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

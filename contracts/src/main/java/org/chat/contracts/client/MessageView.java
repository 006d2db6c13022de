package org.chat.contracts.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The client's {@code Message}: {@code _id} equals {@code id} (Mongoose-era clients read {@code _id});
 * {@code fromUserId}/{@code toUserId} repeat sender/recipient as {@code receive_private_message} promises.
 */
public record MessageView(String id, @JsonProperty("_id") String mongoId, String text, String sender,
		String recipient, @JsonProperty("isPrivate") boolean isPrivate, @JsonProperty("isRead") boolean isRead,
		Instant createdAt, String clientMessageId, String fromUserId, String toUserId) {

	public static MessageView of(String id, String text, String sender, String recipient, boolean isRead,
			Instant createdAt, String clientMessageId) {
		return new MessageView(id, id, text, sender, recipient, true, isRead, createdAt, clientMessageId, sender,
				recipient);
	}

}

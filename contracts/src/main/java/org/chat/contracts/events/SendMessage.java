package org.chat.contracts.events;

import java.time.Instant;

/**
 * {@code message.send}: the gateway assigned {@code messageId} (derived from sender and
 * {@code clientMessageId} when the client gave one, so retries map to the same message).
 */
public record SendMessage(String messageId, String toUserId, String text, String clientMessageId, Instant createdAt) {
}

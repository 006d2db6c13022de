package org.chat.contracts.events;

/** {@code message.delivered}: the envelope's user (the recipient) got {@code messageId} from {@code senderId}. */
public record MessageDelivered(String messageId, String senderId) {
}

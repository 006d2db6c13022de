package org.chat.contracts.fanout;

/** Asks the recipient's gateway to report {@code message.delivered} for {@code messageId} sent by {@code senderId}. */
public record DeliveryReceipt(String messageId, String senderId) {
}

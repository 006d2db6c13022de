package org.chat.gateway.validation;

/** A validated {@code send_private_message}; the message id is assigned later. */
public record SendRequest(String toUserId, String text, String clientMessageId) {
}

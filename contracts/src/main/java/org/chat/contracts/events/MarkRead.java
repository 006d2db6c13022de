package org.chat.contracts.events;

/** {@code message.read}: every message from {@code otherUserId} to the envelope's user is read. */
public record MarkRead(String otherUserId) {
}

package org.chat.contracts.events;

/** {@code query.history}: messages of the conversation with {@code otherUserId}, newest first, before a message id. */
public record HistoryQuery(String otherUserId, String before, int limit) {
}

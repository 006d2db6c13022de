package org.chat.contracts.events;

/** {@code query.sync}: messages to the envelope's user after message {@code since} (null: from the start), oldest first. */
public record SyncQuery(String since, int limit) {
}

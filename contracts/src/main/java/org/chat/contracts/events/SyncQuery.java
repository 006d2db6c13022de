package org.chat.contracts.events;

/**
 * {@code query.sync}: messages to the envelope's user that the answer carrying the sync token {@code since} had
 * not returned (null: from the start), oldest first. A message id as {@code since} is the older, weaker form.
 */
public record SyncQuery(String since, int limit) {
}

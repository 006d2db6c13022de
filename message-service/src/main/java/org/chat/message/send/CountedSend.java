package org.chat.message.send;

/** A send counted as unread in this attempt, with the counter value right after it; fanned out. */
public record CountedSend(PendingSend send, long unreadCount) {
}

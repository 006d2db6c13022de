package org.chat.contracts.events;

import java.util.List;

/**
 * {@code push.prefs}: the envelope's user's notification preferences, replacing the previous ones. Without
 * {@code previews} a push carries the sender and the unread count, never the text.
 */
public record NotificationPrefs(boolean previews, List<String> mutedUserIds) {
}

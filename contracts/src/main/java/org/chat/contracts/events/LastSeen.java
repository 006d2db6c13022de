package org.chat.contracts.events;

import java.time.Instant;

/**
 * {@code user.last_seen}: the presence-service saw the envelope's user go offline (no session left).
 * The message-service owns the {@code users} collection and keeps the newest value.
 */
public record LastSeen(Instant lastSeenAt) {
}

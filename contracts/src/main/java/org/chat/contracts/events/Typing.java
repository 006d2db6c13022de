package org.chat.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code typing}: the envelope's user is (or stopped) typing to {@code toUserId}. */
public record Typing(String toUserId, @JsonProperty("isTyping") boolean isTyping) {
}

package org.chat.presence.typing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of {@code typing_indicator_private} as PROTOCOL.md gives it. */
public record TypingIndicator(String fromUserId, @JsonProperty("isTyping") boolean isTyping) {
}

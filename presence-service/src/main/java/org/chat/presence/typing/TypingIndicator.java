package org.chat.presence.typing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of {@code typing_indicator_private} as docs/PROTOCOL.md gives it. */
public record TypingIndicator(String fromUserId, @JsonProperty("isTyping") boolean isTyping) {
}

package org.chat.contracts.events;

/** {@code session.closed}: why the socket went away (client disconnect, ping timeout, server shutdown...). */
public record SessionClosed(String reason) {
}

package org.chat.contracts.events;

/** The profile a client gives in {@code register_user}; every field optional. */
public record Profile(String name, String email, String avatar) {
}

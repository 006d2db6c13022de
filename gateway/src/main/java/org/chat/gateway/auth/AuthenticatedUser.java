package org.chat.gateway.auth;

/** The verified subject of a CONNECT token; {@code name} is the optional {@code name} claim. */
public record AuthenticatedUser(String userId, String name) {
}

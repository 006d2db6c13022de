package org.chat.contracts.envelope;

/** Who sent an event: the token's user, the socket's session id, the gateway holding it and its epoch. */
public record SessionRef(String userId, String sessionId, String gatewayId, long epoch) {
}

package org.chat.gateway.chat;

/** The principal of an authorized CONNECT: the token's user and the socket's epoch. */
record ConnectedUser(String userId, long epoch) {
}

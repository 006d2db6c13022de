package org.chat.contracts.events;

/** {@code push.unregister}: no more pushes to {@code deviceId} of the envelope's user. */
public record UnregisterPushToken(String deviceId) {
}

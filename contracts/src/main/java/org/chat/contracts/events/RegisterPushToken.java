package org.chat.contracts.events;

/**
 * {@code push.register}: the envelope's user receives pushes on {@code deviceId} (replacing what that device
 * registered before). APNs and FCM devices carry {@code token}; Web Push devices {@code subscription}.
 */
public record RegisterPushToken(String deviceId, String platform, String token, WebPushSubscription subscription) {

	/** A browser's {@code PushSubscription}: endpoint and its keys (base64url, RFC 8291). */
	public record WebPushSubscription(String endpoint, String p256dh, String auth) {
	}

}

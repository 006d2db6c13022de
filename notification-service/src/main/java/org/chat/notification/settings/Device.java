package org.chat.notification.settings;

import org.chat.contracts.events.RegisterPushToken;
import org.chat.contracts.push.PushPlatform;

/** One registered device: a token (APNs, FCM) or a Web Push subscription (endpoint and keys). */
public record Device(String deviceId, String platform, String token, String endpoint, String p256dh, String auth) {

	public static Device of(RegisterPushToken registration) {
		var subscription = registration.subscription();
		return subscription == null
				? new Device(registration.deviceId(), registration.platform(), registration.token(), null, null, null)
				: new Device(registration.deviceId(), registration.platform(), null, subscription.endpoint(),
						subscription.p256dh(), subscription.auth());
	}

	public PushPlatform pushPlatform() {
		return PushPlatform.fromWire(this.platform);
	}

	/** For logs: never the token or the endpoint, which let anyone push to the device. */
	public String describe() {
		return this.platform + " device " + this.deviceId;
	}

}

package org.chat.contracts.push;

import java.util.Arrays;

/** The push services a device can register with, by their wire names in {@code register_push_token}. */
public enum PushPlatform {

	WEBPUSH("webpush"), APNS("apns"), FCM("fcm");

	private final String wireName;

	PushPlatform(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	/** @return the platform, or {@code null} for a name no platform has. */
	public static PushPlatform fromWire(String wireName) {
		return Arrays.stream(values()).filter((p) -> p.wireName.equals(wireName)).findFirst().orElse(null);
	}

}

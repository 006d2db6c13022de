package org.chat.gateway.validation;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.chat.contracts.UserIds;
import org.chat.contracts.events.NotificationPrefs;
import org.chat.contracts.events.RegisterPushToken;
import org.chat.contracts.events.RegisterPushToken.WebPushSubscription;
import org.chat.contracts.events.UnregisterPushToken;
import org.chat.contracts.push.PushPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Checks {@code register_push_token}, {@code unregister_push_token} and {@code set_notification_prefs}. A
 * Web Push endpoint is where the notification-service will POST: only {@code https} URLs pass, and the keys
 * must be what RFC 8291 needs (a P-256 point, a 16-byte secret), so a bad subscription fails here and not at
 * every push.
 */
public class PushEventValidator {

	public static final int MAX_MUTED = 1000;

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

	/** APNs tokens are hex (64 today); FCM registration tokens are base64url-ish with ':' (~160–4096). */
	private static final Pattern APNS_TOKEN = Pattern.compile("[0-9a-fA-F]{64,200}");

	private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9_:.-]{16,4096}");

	private static final int MAX_ENDPOINT = 2048;

	public RegisterPushToken register(List<JsonNode> args) {
		JsonNode payload = Fields.object(args);
		String deviceId = deviceId(payload);
		JsonNode platformNode = payload.get("platform");
		PushPlatform platform = platformNode != null && platformNode.isString()
				? PushPlatform.fromWire(platformNode.stringValue()) : null;
		if (platform == null) {
			throw EventRejected.invalid("platform must be one of webpush, apns, fcm");
		}
		return switch (platform) {
			case WEBPUSH -> new RegisterPushToken(deviceId, platform.wireName(), null, subscription(payload));
			case APNS -> new RegisterPushToken(deviceId, platform.wireName(), token(payload, APNS_TOKEN), null);
			case FCM -> new RegisterPushToken(deviceId, platform.wireName(), token(payload, FCM_TOKEN), null);
		};
	}

	public UnregisterPushToken unregister(List<JsonNode> args) {
		return new UnregisterPushToken(deviceId(Fields.object(args)));
	}

	public NotificationPrefs prefs(List<JsonNode> args) {
		JsonNode payload = Fields.object(args);
		boolean previews = Fields.requiredBoolean(payload, "previews");
		LinkedHashSet<String> muted = new LinkedHashSet<>();
		if (!Fields.absent(payload, "mutedUserIds")) {
			JsonNode list = payload.get("mutedUserIds");
			if (!list.isArray() || list.size() > MAX_MUTED) {
				throw EventRejected.invalid("mutedUserIds must be an array of at most " + MAX_MUTED + " user ids");
			}
			for (JsonNode id : list) {
				if (!id.isString() || !UserIds.isValid(id.stringValue())) {
					throw EventRejected.invalid("mutedUserIds must hold user ids");
				}
				muted.add(id.stringValue());
			}
		}
		return new NotificationPrefs(previews, new ArrayList<>(muted));
	}

	private static String deviceId(JsonNode payload) {
		JsonNode value = payload.get("deviceId");
		if (value == null || !value.isString() || !DEVICE_ID.matcher(value.stringValue()).matches()) {
			throw EventRejected.invalid("deviceId must be 1-128 of letters, digits, '_', '-', '.', ':'");
		}
		return value.stringValue();
	}

	private static String token(JsonNode payload, Pattern format) {
		JsonNode value = payload.get("token");
		if (value == null || !value.isString() || !format.matcher(value.stringValue()).matches()) {
			throw EventRejected.invalid("token is not a device token of this platform");
		}
		return value.stringValue();
	}

	/** The browser's {@code PushSubscription.toJSON()}: {@code {endpoint, keys: {p256dh, auth}}}. */
	private static WebPushSubscription subscription(JsonNode payload) {
		JsonNode subscription = payload.get("subscription");
		if (subscription == null || !subscription.isObject()) {
			throw EventRejected.invalid("subscription must be the browser's PushSubscription");
		}
		JsonNode endpoint = subscription.get("endpoint");
		if (endpoint == null || !endpoint.isString() || endpoint.stringValue().length() > MAX_ENDPOINT
				|| !isHttpsUrl(endpoint.stringValue())) {
			throw EventRejected.invalid("subscription.endpoint must be an https URL");
		}
		JsonNode keys = subscription.get("keys");
		if (keys == null || !keys.isObject()) {
			throw EventRejected.invalid("subscription.keys must hold p256dh and auth");
		}
		String p256dh = base64Url(keys.get("p256dh"), "p256dh", 65);
		if (Base64.getUrlDecoder().decode(p256dh)[0] != 0x04) {
			throw EventRejected.invalid("subscription.keys.p256dh must be an uncompressed P-256 point");
		}
		return new WebPushSubscription(endpoint.stringValue(), p256dh, base64Url(keys.get("auth"), "auth", 16));
	}

	private static boolean isHttpsUrl(String value) {
		try {
			URI uri = new URI(value);
			return "https".equals(uri.getScheme()) && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String base64Url(JsonNode value, String field, int bytes) {
		if (value == null || !value.isString()) {
			throw EventRejected.invalid("subscription.keys." + field + " is required");
		}
		String text = value.stringValue().replace("=", "");
		try {
			if (Base64.getUrlDecoder().decode(text).length == bytes) {
				return text;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw EventRejected.invalid("subscription.keys." + field + " must be " + bytes + " bytes of base64url");
	}

}

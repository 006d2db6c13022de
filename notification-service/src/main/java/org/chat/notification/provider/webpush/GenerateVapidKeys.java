package org.chat.notification.provider.webpush;

import java.math.BigInteger;
import java.util.Base64;

import com.interaso.webpush.VapidKeys;

/**
 * Prints a new VAPID key pair in the format {@code chat.push.webpush.public-key} / {@code private-key} take
 * (base64url: the uncompressed public point, the 32-byte private scalar), as {@code KEY=value} lines:
 * {@code java -cp notification-service.jar -Dloader.main=org.chat.notification.provider.webpush.GenerateVapidKeys
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class GenerateVapidKeys {

	private GenerateVapidKeys() {
	}

	public static void main(String[] args) {
		VapidKeys keys = VapidKeys.generate();
		Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
		System.out.println("CHAT_PUSH_WEBPUSH_PUBLIC_KEY=" + base64Url.encodeToString(keys.getApplicationServerKey()));
		System.out.println("CHAT_PUSH_WEBPUSH_PRIVATE_KEY=" + base64Url.encodeToString(scalar(keys.getPrivateKey().getS())));
	}

	private static byte[] scalar(BigInteger s) {
		byte[] bytes = s.toByteArray();
		byte[] raw = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, raw, 32 - length, length);
		return raw;
	}

}

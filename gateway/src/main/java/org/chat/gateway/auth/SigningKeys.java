package org.chat.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key shared by the verifier and the dev token issuer: the configured secret, or in dev mode a
 * random one generated per process when none is configured (dev tokens then die with the process).
 */
public record SigningKeys(Optional<SecretKey> hmacKey) {

	static final String HMAC_SHA256 = "HmacSHA256";

	public static SigningKeys resolve(AuthProperties auth, boolean devMode) {
		if (auth.hasSecret()) {
			return new SigningKeys(Optional.of(hmac(auth.jwtSecret().getBytes(StandardCharsets.UTF_8))));
		}
		if (devMode) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return new SigningKeys(Optional.of(hmac(random)));
		}
		return new SigningKeys(Optional.empty());
	}

	private static SecretKey hmac(byte[] bytes) {
		return new SecretKeySpec(bytes, HMAC_SHA256);
	}

}

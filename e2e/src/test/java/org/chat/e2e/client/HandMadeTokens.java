package org.chat.e2e.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JWTs built by hand, to present the gateways with tokens the dev route would never issue. */
public final class HandMadeTokens {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private HandMadeTokens() {
	}

	/** HS256 over {@code claims} with {@code secret}. */
	public static String hs256(String secret, JsonNode claims) {
		String signingInput = part(Payloads.obj("alg", "HS256", "typ", "JWT")) + "." + part(claims);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An unsigned token ({@code alg: none}): must never be accepted. */
	public static String unsigned(JsonNode claims) {
		return part(Payloads.obj("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
	}

	/** {@code sub}, {@code iat} and, unless {@code expiresAt} is null, {@code exp}. */
	public static JsonNode claims(String subject, Instant expiresAt) {
		ObjectNode claims = Payloads.obj("sub", subject, "iat", Instant.now().getEpochSecond() - 5);
		if (expiresAt != null) {
			claims.put("exp", expiresAt.getEpochSecond());
		}
		return claims;
	}

	private static String part(JsonNode json) {
		return B64.encodeToString(Payloads.JSON.writeValueAsBytes(json));
	}

}

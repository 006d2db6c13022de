package org.chat.gateway.auth;

import java.time.Instant;
import java.util.Date;

/** Valid HS256 tokens for tests of other packages. */
public final class TestTokens {

	private TestTokens() {
	}

	public static String hs256(String secret, String userId) {
		return TokenAuthenticatorTest.hs256(secret, new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(userId)
			.expirationTime(Date.from(Instant.now().plusSeconds(600))));
	}

}

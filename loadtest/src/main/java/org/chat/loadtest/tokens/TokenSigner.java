package org.chat.loadtest.tokens;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs CONNECT tokens ({@code sub} = user id, {@code name}, {@code iss}/{@code aud} when set) like an identity provider would. */
public final class TokenSigner implements TokenSource {

	private final JWSSigner signer;

	private final JWSHeader header;

	private final String issuer;

	private final String audience;

	private final Duration ttl;

	private TokenSigner(JWSSigner signer, JWSHeader header, String issuer, String audience, Duration ttl) {
		this.signer = signer;
		this.header = header;
		this.issuer = issuer;
		this.audience = audience;
		this.ttl = ttl;
	}

	static TokenSigner hs256(String secret, String issuer, String audience, Duration ttl) {
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		if (key.length < 32) {
			throw new IllegalArgumentException("jwtSecret must be at least 32 bytes (HS256), got " + key.length);
		}
		try {
			return new TokenSigner(new MACSigner(key), new JWSHeader(JWSAlgorithm.HS256), issuer, audience, ttl);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("jwtSecret: " + ex.getMessage(), ex);
		}
	}

	static TokenSigner rs256(String pem, String keyId, String issuer, String audience, Duration ttl) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build();
		return new TokenSigner(new RSASSASigner(privateKey(pem)), header, issuer, audience, ttl);
	}

	public String sign(String userId) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(userId)
			.claim("name", userId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.ttl)));
		if (this.issuer != null) {
			claims.issuer(this.issuer);
		}
		if (this.audience != null) {
			claims.audience(List.of(this.audience));
		}
		SignedJWT jwt = new SignedJWT(this.header, claims.build());
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign a token for " + userId, ex);
		}
		return jwt.serialize();
	}

	@Override
	public CompletableFuture<String> issue(URI gateway, String userId) {
		return CompletableFuture.completedFuture(sign(userId));
	}

	private static PrivateKey privateKey(String pem) {
		if (pem.contains("BEGIN RSA PRIVATE KEY")) {
			throw new IllegalArgumentException("jwtPrivateKey is a PKCS#1 key; convert it to PKCS#8: "
					+ "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
		}
		if (!pem.contains("BEGIN PRIVATE KEY")) {
			throw new IllegalArgumentException("jwtPrivateKey must be a PEM \"PRIVATE KEY\" (PKCS#8, unencrypted)");
		}
		String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("jwtPrivateKey is not an RSA PKCS#8 key: " + ex.getMessage(), ex);
		}
	}

}

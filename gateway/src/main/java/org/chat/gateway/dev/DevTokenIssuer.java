package org.chat.gateway.dev;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.chat.gateway.auth.AuthProperties;

/** Signs HS256 tokens with the gateway's own key and claims, so they pass its verifier (dev mode only). */
public class DevTokenIssuer {

	private final SecretKey key;

	private final AuthProperties auth;

	private final DevProperties dev;

	private final Clock clock;

	public DevTokenIssuer(SecretKey key, AuthProperties auth, DevProperties dev, Clock clock) {
		this.key = key;
		this.auth = auth;
		this.dev = dev;
		this.clock = clock;
	}

	public String issue(String userId, String name) {
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(userId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.dev.tokenTtl())));
		if (name != null) {
			claims.claim("name", name);
		}
		if (this.auth.issuer() != null) {
			claims.issuer(this.auth.issuer());
		}
		if (this.auth.audience() != null) {
			claims.audience(List.of(this.auth.audience()));
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
		try {
			jwt.sign(new MACSigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign dev token", ex);
		}
		return jwt.serialize();
	}

}

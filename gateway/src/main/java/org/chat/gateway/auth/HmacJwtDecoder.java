package org.chat.gateway.auth;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * HS256 tokens, verified synchronously with one {@link MACVerifier} built at start-up, then checked by the same
 * claim validators as the JWK path. Nimbus' reactive decoder built a verifier, a JWT processor chain, Spring's
 * claim-set conversion (issuer to URL, every timestamp) and several Reactor operators per CONNECT; this is the
 * part of it the gateway needs (docs/PERFORMANCE.md, "Connect path").
 */
final class HmacJwtDecoder implements ReactiveJwtDecoder {

	private final JWSVerifier verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	HmacJwtDecoder(SecretKey key, OAuth2TokenValidator<Jwt> validator) {
		try {
			this.verifier = new MACVerifier(key);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("unusable HS256 key", ex);
		}
		this.validator = validator;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		try {
			return Mono.just(verify(token));
		}
		catch (RuntimeException ex) {
			return Mono.error(ex);
		}
	}

	Jwt verify(String token) {
		SignedJWT signed;
		JWTClaimsSet claims;
		try {
			signed = SignedJWT.parse(token); // a token without signature ("alg": "none") does not parse as signed
			if (!JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm())) {
				throw new BadJwtException("unsupported algorithm " + signed.getHeader().getAlgorithm());
			}
			if (!signed.verify(this.verifier)) {
				throw new BadJwtException("bad signature");
			}
			claims = signed.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException ex) {
			throw new BadJwtException("malformed token", ex);
		}
		Jwt jwt = Jwt.withTokenValue(token)
			.headers(headers -> headers.putAll(signed.getHeader().toJSONObject()))
			.claims(map -> map.putAll(claims(claims)))
			.build();
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException("invalid token", result.getErrors());
		}
		return jwt;
	}

	/** As Spring's claim converter gives them to the validators: timestamps as Instant, aud as a list. */
	private static Map<String, Object> claims(JWTClaimsSet claims) {
		Map<String, Object> map = new LinkedHashMap<>(claims.getClaims());
		map.computeIfPresent(JWTClaimNames.EXPIRATION_TIME, (name, value) -> instant(value));
		map.computeIfPresent(JWTClaimNames.NOT_BEFORE, (name, value) -> instant(value));
		map.computeIfPresent(JWTClaimNames.ISSUED_AT, (name, value) -> instant(value));
		map.computeIfPresent(JWTClaimNames.AUDIENCE, (name, value) -> claims.getAudience());
		map.computeIfPresent(JWTClaimNames.ISSUER, (name, value) -> value.toString());
		return map;
	}

	private static Object instant(Object value) {
		return (value instanceof Date date) ? date.toInstant() : (value instanceof Instant) ? value : null;
	}

}

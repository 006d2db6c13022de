package org.chat.gateway.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Builds the decoder(s) for the configured keys (HS256: {@link HmacJwtDecoder}; JWK set: Nimbus' reactive one), with the configured claim checks. */
public final class JwtDecoderFactory {

	private JwtDecoderFactory() {
	}

	public static ReactiveJwtDecoder create(AuthProperties auth, SigningKeys keys) {
		OAuth2TokenValidator<Jwt> validator = validator(auth);
		ReactiveJwtDecoder hmac = keys.hmacKey().<ReactiveJwtDecoder>map(key -> new HmacJwtDecoder(key, validator)).orElse(null);
		NimbusReactiveJwtDecoder jwk = (auth.jwkSetUri() != null)
				? NimbusReactiveJwtDecoder.withJwkSetUri(auth.jwkSetUri().toString()).build() : null;
		if (hmac == null && jwk == null) {
			throw new IllegalStateException(
					"no JWT key configured: set chat.auth.jwt-secret or chat.auth.jwk-set-uri (or chat.dev.enabled=true)");
		}
		if (jwk != null) {
			jwk.setJwtValidator(validator);
		}
		if (hmac == null || jwk == null) {
			return (hmac != null) ? hmac : jwk;
		}
		return new AlgorithmRoutingJwtDecoder(hmac, jwk);
	}

	static OAuth2TokenValidator<Jwt> validator(AuthProperties auth) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(auth.clockSkew()));
		if (auth.requireExpiry()) {
			validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		}
		if (auth.issuer() != null) {
			validators.add(new JwtIssuerValidator(auth.issuer()));
		}
		if (auth.audience() != null) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					aud -> aud != null && aud.contains(auth.audience())));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

}

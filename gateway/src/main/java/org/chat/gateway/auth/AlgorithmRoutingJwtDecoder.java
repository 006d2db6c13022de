package org.chat.gateway.auth;

import java.text.ParseException;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** With both a secret and a JWK set configured: HS* tokens go to the secret, everything else to the JWK set. */
final class AlgorithmRoutingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder hmac;

	private final ReactiveJwtDecoder jwk;

	AlgorithmRoutingJwtDecoder(ReactiveJwtDecoder hmac, ReactiveJwtDecoder jwk) {
		this.hmac = hmac;
		this.jwk = jwk;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Algorithm algorithm;
		try {
			algorithm = JWTParser.parse(token).getHeader().getAlgorithm();
		}
		catch (ParseException ex) {
			return Mono.error(new BadJwtException("malformed token", ex));
		}
		boolean mac = algorithm != null && algorithm.getName().startsWith("HS");
		return (mac ? this.hmac : this.jwk).decode(token);
	}

}

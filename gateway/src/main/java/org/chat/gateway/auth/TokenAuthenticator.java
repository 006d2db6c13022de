package org.chat.gateway.auth;

import org.chat.contracts.UserIds;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Turns a CONNECT token into the user it names; every failure is an {@link Unauthorized} error signal. */
public class TokenAuthenticator {

	private final ReactiveJwtDecoder decoder;

	public TokenAuthenticator(ReactiveJwtDecoder decoder) {
		this.decoder = decoder;
	}

	public Mono<AuthenticatedUser> authenticate(String token) {
		if (token == null || token.isBlank()) {
			return Mono.error(new Unauthorized("no token"));
		}
		return Mono.defer(() -> this.decoder.decode(token))
			.onErrorMap(ex -> !(ex instanceof Unauthorized), ex -> new Unauthorized("bad token", ex))
			.flatMap(jwt -> UserIds.isValid(jwt.getSubject())
					? Mono.just(new AuthenticatedUser(jwt.getSubject(), jwt.getClaimAsString("name")))
					: Mono.error(new Unauthorized("sub is not a valid user id")));
	}

}

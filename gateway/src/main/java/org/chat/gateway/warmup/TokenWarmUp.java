package org.chat.gateway.warmup;

import java.time.Duration;

import org.chat.chassis.warmup.WarmUp;
import org.chat.gateway.auth.AuthenticatedUser;
import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.dev.DevTokenIssuer;

/**
 * The CONNECT token check every new socket pays: JWT parsing, the HMAC signature and the claim validators (and,
 * in dev mode, signing as {@code POST /dev/token} does). Nothing leaves the process.
 */
class TokenWarmUp implements WarmUp {

	private final DevTokenIssuer issuer;

	private final TokenAuthenticator authenticator;

	TokenWarmUp(DevTokenIssuer issuer, TokenAuthenticator authenticator) {
		this.issuer = issuer;
		this.authenticator = authenticator;
	}

	@Override
	public String name() {
		return "jwt";
	}

	@Override
	public void round() {
		String token = this.issuer.issue("warm-up", "Warm Up");
		AuthenticatedUser user = this.authenticator.authenticate(token).block(Duration.ofSeconds(5));
		if (user == null || !user.userId().equals("warm-up")) {
			throw new IllegalStateException("the warm-up token was not accepted: " + user);
		}
	}

}

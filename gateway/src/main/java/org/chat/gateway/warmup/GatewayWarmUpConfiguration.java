package org.chat.gateway.warmup;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.chat.chassis.warmup.WarmUpConfiguration;
import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.JwtDecoderFactory;
import org.chat.gateway.auth.SigningKeys;
import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.dev.DevProperties;
import org.chat.gateway.dev.DevTokenIssuer;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.LimitsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/** The gateway's warm-ups, run before readiness by the chassis ({@link WarmUpConfiguration}). */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@Import(WarmUpConfiguration.class)
class GatewayWarmUpConfiguration {

	@Bean
	SocketIoWarmUp socketIoWarmUp(LimitsProperties limits) {
		return new SocketIoWarmUp(new EventValidator(limits));
	}

	/**
	 * With an HS256 key (the configured secret, or dev mode's) the warm-up signs tokens with it and verifies them
	 * with the gateway's own authenticator. With a JWK set only there is no key to sign with, and a token of an
	 * unknown key would make the decoder fetch the JWK set: then a throw-away HS256 key and a decoder with the
	 * same claim checks stand in (the RS256 signature check itself stays cold).
	 */
	@Bean
	TokenWarmUp tokenWarmUp(TokenAuthenticator authenticator, SigningKeys keys, AuthProperties auth, DevProperties dev) {
		if (keys.hmacKey().isPresent()) {
			return new TokenWarmUp(new DevTokenIssuer(keys.hmacKey().get(), auth, dev, Clock.systemUTC()), authenticator);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		SecretKeySpec key = new SecretKeySpec(random, "HmacSHA256");
		return new TokenWarmUp(new DevTokenIssuer(key, auth, dev, Clock.systemUTC()),
				new TokenAuthenticator(JwtDecoderFactory.create(new AuthProperties(null, null, auth.issuer(), auth.audience(), auth.clockSkew(),
						auth.requireExpiry()), new SigningKeys(Optional.of(key)))));
	}

}

package org.chat.gateway.auth;

import org.chat.gateway.dev.DevProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@EnableConfigurationProperties({ AuthProperties.class, DevProperties.class })
class AuthConfiguration {

	@Bean
	SigningKeys signingKeys(AuthProperties auth, DevProperties dev) {
		return SigningKeys.resolve(auth, dev.enabled());
	}

	@Bean
	ReactiveJwtDecoder chatJwtDecoder(AuthProperties auth, SigningKeys keys) {
		return JwtDecoderFactory.create(auth, keys);
	}

	@Bean
	TokenAuthenticator tokenAuthenticator(ReactiveJwtDecoder chatJwtDecoder) {
		return new TokenAuthenticator(chatJwtDecoder);
	}

}

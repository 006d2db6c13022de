package org.chat.gateway.dev;

import java.time.Clock;

import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.SigningKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The dev token route exists only with {@code chat.dev.enabled=true}; otherwise the path is a plain 404. */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@ConditionalOnBooleanProperty("chat.dev.enabled")
class DevConfiguration {

	static final String TOKEN_PATH = "/dev/token";

	@Bean
	DevTokenIssuer devTokenIssuer(SigningKeys keys, AuthProperties auth, DevProperties dev) {
		return new DevTokenIssuer(keys.hmacKey().orElseThrow(), auth, dev, Clock.systemUTC());
	}

	@Bean
	RouterFunction<ServerResponse> devTokenRoute(DevTokenIssuer issuer) {
		return RouterFunctions.route(RequestPredicates.POST(TOKEN_PATH), new DevTokenHandler(issuer)::issue);
	}

}

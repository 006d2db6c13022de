package org.chat.gateway.dev;

import java.time.Clock;

import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.SigningKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Dev mode ({@code chat.dev.enabled=true}): the dev token route and the browser page of the web-client
 * module. Otherwise both are plain 404s (static resource mappings are off in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@ConditionalOnBooleanProperty("chat.dev.enabled")
class DevConfiguration {

	static final String TOKEN_PATH = "/dev/token";

	private static final String WEB_ROOT = "static/";

	@Bean
	DevTokenIssuer devTokenIssuer(SigningKeys keys, AuthProperties auth, DevProperties dev) {
		return new DevTokenIssuer(keys.hmacKey().orElseThrow(), auth, dev, Clock.systemUTC());
	}

	@Bean
	RouterFunction<ServerResponse> devTokenRoute(DevTokenIssuer issuer) {
		return RouterFunctions.route(RequestPredicates.POST(TOKEN_PATH), new DevTokenHandler(issuer)::issue);
	}

	@Bean
	RouterFunction<ServerResponse> webPageRoutes() {
		ClassPathResource index = new ClassPathResource(WEB_ROOT + "index.html");
		return RouterFunctions
			.route(RequestPredicates.GET("/"),
					request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
			.and(RouterFunctions.resources("/**", new ClassPathResource(WEB_ROOT)));
	}

}

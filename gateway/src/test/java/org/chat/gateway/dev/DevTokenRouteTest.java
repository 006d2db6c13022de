package org.chat.gateway.dev;

import java.time.Clock;
import java.time.Duration;

import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.AuthenticatedUser;
import org.chat.gateway.auth.JwtDecoderFactory;
import org.chat.gateway.auth.SigningKeys;
import org.chat.gateway.auth.TokenAuthenticator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenRouteTest {

	private final AuthProperties auth = new AuthProperties(null, null, "chat-dev", "chat", Duration.ofSeconds(60), true);

	private final SigningKeys keys = SigningKeys.resolve(this.auth, true);

	private final WebTestClient client = WebTestClient
		.bindToRouterFunction(RouterFunctions.route(org.springframework.web.reactive.function.server.RequestPredicates
			.POST(DevConfiguration.TOKEN_PATH),
				new DevTokenHandler(new DevTokenIssuer(this.keys.hmacKey().orElseThrow(), this.auth,
						new DevProperties(true, Duration.ofHours(1)), Clock.systemUTC()))::issue))
		.build();

	@Test
	void issuesATokenTheGatewayAccepts() {
		TokenAuthenticator verifier = new TokenAuthenticator(JwtDecoderFactory.create(this.auth, this.keys));
		StepVerifier.create(verifier.authenticate(tokenOf("alice")))
			.expectNext(new AuthenticatedUser("alice", "Alice"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void rejectsBadInputWith400() {
		for (String body : new String[] { "{\"userId\":\"a:b\"}", "{\"userId\":{\"$ne\":1}}", "{}", "not json",
				"{\"userId\":\"alice\",\"name\":5}" }) {
			this.client.post()
				.uri("/dev/token")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("invalid_payload");
		}
	}

	@Test
	void theRouteExistsOnlyInDevMode() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Keys.class,
				DevConfiguration.class);
		runner.run(context -> assertThat(context).doesNotHaveBean(RouterFunction.class));
		runner.withPropertyValues("chat.dev.enabled=true")
			.run(context -> assertThat(context).hasBean("devTokenRoute").hasBean("webPageRoutes"));
	}

	@Test
	void servesTheWebClientPageInDevMode() {
		WebTestClient page = WebTestClient.bindToRouterFunction(new DevConfiguration().webPageRoutes()).build();
		page.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("<script", "app.js"));
		page.get().uri("/app.js").exchange().expectStatus().isOk();
		page.get().uri("/no-such-file.js").exchange().expectStatus().isNotFound();
	}

	private String tokenOf(String userId) {
		return this.client.post()
			.uri("/dev/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"userId\":\"" + userId + "\",\"name\":\"Alice\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(TokenBody.class)
			.returnResult()
			.getResponseBody()
			.token();
	}

	record TokenBody(String token) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AuthProperties.class, DevProperties.class })
	static class Keys {

		@Bean
		SigningKeys signingKeys(DevProperties dev, AuthProperties auth) {
			return SigningKeys.resolve(auth, true);
		}

	}

}

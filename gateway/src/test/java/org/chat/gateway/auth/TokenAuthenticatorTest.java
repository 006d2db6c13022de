package org.chat.gateway.auth;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAuthenticatorTest {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	// an upper bound: the first JWK set fetch starts a Reactor Netty client, slow on a loaded machine
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final TokenAuthenticator hs256 = authenticator(props(SECRET, null, null, null), false);

	@Test
	void acceptsHs256TokenAndReadsSubjectAndName() {
		StepVerifier.create(this.hs256.authenticate(hs256(SECRET, claims("alice").claim("name", "Alice"))))
			.expectNext(new AuthenticatedUser("alice", "Alice"))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void rejectsExpiredWrongSignatureAlgNoneBadSubjectMissingExpiryAndGarbage() {
		Instant past = Instant.now().minusSeconds(600);
		List<String> bad = List.of(
				hs256(SECRET, new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(past))),
				hs256("ffffffffffffffffffffffffffffffff", claims("alice")),
				new PlainJWT(claims("alice").build()).serialize(),
				hs256(SECRET, claims("bad:user")), hs256(SECRET, claims("")),
				hs256(SECRET, new JWTClaimsSet.Builder().subject("alice")), "not-a-jwt", "a.b.c");
		for (String token : bad) {
			StepVerifier.create(this.hs256.authenticate(token))
				.expectError(Unauthorized.class)
				.verify(WAIT);
		}
		StepVerifier.create(this.hs256.authenticate(null)).expectError(Unauthorized.class).verify(WAIT);
	}

	@Test
	void checksIssuerAndAudienceWhenConfigured() {
		TokenAuthenticator strict = authenticator(props(SECRET, null, "https://idp", "chat"), false);
		String good = hs256(SECRET, claims("alice").issuer("https://idp").audience(List.of("chat", "other")));
		StepVerifier.create(strict.authenticate(good)).expectNextCount(1).expectComplete().verify(WAIT);
		for (String bad : List.of(hs256(SECRET, claims("alice").issuer("https://evil").audience("chat")),
				hs256(SECRET, claims("alice").issuer("https://idp").audience("other")),
				hs256(SECRET, claims("alice")))) {
			StepVerifier.create(strict.authenticate(bad)).expectError(Unauthorized.class).verify(WAIT);
		}
	}

	@Test
	void verifiesRs256AgainstAJwkSetAndStillHs256WhenBothAreConfigured() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
		HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		jwks.start();
		try {
			URI uri = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
			TokenAuthenticator rsa = authenticator(props(null, uri, null, null), false);
			StepVerifier.create(rsa.authenticate(rs256(key, claims("bob"))))
				.expectNext(new AuthenticatedUser("bob", null))
				.expectComplete()
				.verify(WAIT);
			StepVerifier.create(rsa.authenticate(rs256(stranger, claims("bob")))).expectError(Unauthorized.class).verify(WAIT);
			StepVerifier.create(rsa.authenticate(hs256(SECRET, claims("bob")))).expectError(Unauthorized.class).verify(WAIT);

			TokenAuthenticator both = authenticator(props(SECRET, uri, null, null), false);
			StepVerifier.create(both.authenticate(rs256(key, claims("bob")))).expectNextCount(1).expectComplete().verify(WAIT);
			StepVerifier.create(both.authenticate(hs256(SECRET, claims("carol")))).expectNextCount(1).expectComplete().verify(WAIT);
			StepVerifier.create(both.authenticate(new PlainJWT(claims("bob").build()).serialize()))
				.expectError(Unauthorized.class)
				.verify(WAIT);
		}
		finally {
			jwks.stop(0);
		}
	}

	@Test
	void devModeWithoutSecretGeneratesAKeyAndNoKeyAtAllFailsFast() {
		assertThat(SigningKeys.resolve(props(null, null, null, null), true).hmacKey()).isPresent();
		assertThat(SigningKeys.resolve(props(null, null, null, null), false).hmacKey()).isEmpty();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> JwtDecoderFactory.create(props(null, null, null, null),
					SigningKeys.resolve(props(null, null, null, null), false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("chat.auth.jwt-secret");
	}

	static AuthProperties props(String secret, URI jwks, String issuer, String audience) {
		return new AuthProperties(secret, jwks, issuer, audience, Duration.ofSeconds(60), true);
	}

	static TokenAuthenticator authenticator(AuthProperties props, boolean dev) {
		return new TokenAuthenticator(JwtDecoderFactory.create(props, SigningKeys.resolve(props, dev)));
	}

	static JWTClaimsSet.Builder claims(String subject) {
		return new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(Instant.now().plusSeconds(600)));
	}

	static String hs256(String secret, JWTClaimsSet.Builder claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String rs256(RSAKey key, JWTClaimsSet.Builder claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}

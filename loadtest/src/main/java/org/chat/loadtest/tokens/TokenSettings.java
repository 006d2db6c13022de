package org.chat.loadtest.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How the load tests sign their own tokens, so the release under test can keep dev mode off. Each setting is a
 * system property ({@code -DjwtSecret=...}) or, when that is absent, an environment variable
 * ({@code CHAT_BENCH_JWT_SECRET}); a secret key is better passed in the environment than on a command line.
 *
 * @param secret HS256 secret shared with the gateways ({@code chat.auth.jwt-secret}), at least 32 bytes
 * @param privateKeyPem RS256 private key (PKCS#8 PEM) whose public half is in the gateways' JWK set
 * @param keyId {@code kid} header of RS256 tokens (the key's id in the JWK set)
 * @param issuer {@code iss} claim (the gateways' {@code chat.auth.issuer}), or null
 * @param audience {@code aud} claim (the gateways' {@code chat.auth.audience}), or null
 * @param ttl token lifetime
 */
public record TokenSettings(String secret, String privateKeyPem, String keyId, String issuer, String audience,
		Duration ttl) {

	/** Setting name -> environment variable: jwtSecret -> CHAT_BENCH_JWT_SECRET, ... */
	static String envName(String property) {
		return "CHAT_BENCH_" + property.replaceAll("([A-Z])", "_$1").toUpperCase();
	}

	public static TokenSettings fromSystem() {
		return from(System::getProperty, System::getenv);
	}

	public static TokenSettings from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
		UnaryOperator<String> lookup = name -> {
			String value = properties.apply(name);
			if (value == null || value.isBlank()) {
				value = environment.apply(envName(name));
			}
			return (value == null || value.isBlank()) ? null : value.trim();
		};
		String secret = lookup.apply("jwtSecret");
		String privateKey = lookup.apply("jwtPrivateKey");
		if (secret != null && privateKey != null) {
			throw new IllegalArgumentException("set either jwtSecret (HS256) or jwtPrivateKey (RS256), not both");
		}
		String ttl = lookup.apply("jwtTtl");
		return new TokenSettings(secret, privateKey == null ? null : pem(privateKey), lookup.apply("jwtKeyId"),
				lookup.apply("jwtIssuer"), lookup.apply("jwtAudience"),
				Duration.ofSeconds(ttl == null ? 3600 : Long.parseLong(ttl)));
	}

	/** The signer these settings describe; empty: none configured (the tests then ask POST /dev/token). */
	public Optional<TokenSigner> signer() {
		if (this.secret != null) {
			return Optional.of(TokenSigner.hs256(this.secret, this.issuer, this.audience, this.ttl));
		}
		if (this.privateKeyPem != null) {
			return Optional.of(TokenSigner.rs256(this.privateKeyPem, this.keyId, this.issuer, this.audience, this.ttl));
		}
		return Optional.empty();
	}

	/** What a result file records about the tokens (never the key). */
	public String describe() {
		return this.secret != null ? "HS256" : (this.privateKeyPem != null ? "RS256" : "dev");
	}

	/** The PEM itself, or the file it is in. */
	private static String pem(String value) {
		if (value.startsWith("-----BEGIN")) {
			return value;
		}
		try {
			return Files.readString(Path.of(value));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read jwtPrivateKey file " + value, ex);
		}
	}

	@Override
	public String toString() {
		return "TokenSettings[" + describe() + ", keyId=" + this.keyId + ", issuer=" + this.issuer + ", audience="
				+ this.audience + ", ttl=" + this.ttl + "]";
	}

}

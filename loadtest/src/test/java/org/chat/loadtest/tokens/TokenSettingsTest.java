package org.chat.loadtest.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TokenSettingsTest {

	static final String SECRET = "0123456789abcdef0123456789abcdef-bench";

	@TempDir
	Path dir;

	@Test
	void withoutAKeyTheTestsAskForDevTokens() {
		TokenSettings settings = TokenSettings.from(Map.<String, String>of()::get, Map.<String, String>of()::get);

		assertThat(settings.signer()).isEmpty();
		assertThat(settings.describe()).isEqualTo("dev");
	}

	@Test
	void hs256TokensCarryTheUserAndTheGatewaysIssuerAndAudience() throws Exception {
		TokenSettings settings = TokenSettings.from(
				Map.of("jwtSecret", SECRET, "jwtIssuer", "https://id.example.com", "jwtAudience", "chat", "jwtTtl", "600")::get,
				Map.<String, String>of()::get);

		SignedJWT jwt = SignedJWT.parse(settings.signer().orElseThrow().sign("alice"));

		assertThat(settings.describe()).isEqualTo("HS256");
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
		assertThat(jwt.verify(new MACVerifier(SECRET.replace('0', '1')))).isFalse();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("alice");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://id.example.com");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("chat");
		long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
		assertThat(Duration.ofMillis(lifetime)).isEqualTo(Duration.ofSeconds(600));
	}

	@Test
	void rs256TokensAreSignedWithThePrivateKeyFileAndNameTheKey() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		Path pem = this.dir.resolve("key.pem");
		Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
		// the environment is the fallback of each property
		TokenSettings settings = TokenSettings.from(Map.<String, String>of()::get,
				Map.of("CHAT_BENCH_JWT_PRIVATE_KEY", pem.toString(), "CHAT_BENCH_JWT_KEY_ID", "bench-1")::get);

		SignedJWT jwt = SignedJWT.parse(settings.signer().orElseThrow().sign("bob"));

		assertThat(settings.describe()).isEqualTo("RS256");
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("bench-1");
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("bob");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isNull();
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - System.currentTimeMillis())
			.isCloseTo(3_600_000L, within(60_000L));
	}

	@Test
	void propertiesWinOverTheEnvironment() {
		TokenSettings settings = TokenSettings.from(Map.of("jwtIssuer", "from-property")::get,
				Map.of("CHAT_BENCH_JWT_ISSUER", "from-env", "CHAT_BENCH_JWT_AUDIENCE", "env-audience")::get);

		assertThat(settings.issuer()).isEqualTo("from-property");
		assertThat(settings.audience()).isEqualTo("env-audience");
	}

	@Test
	void unusableKeysFailWithWhatToDo() {
		assertThatThrownBy(() -> TokenSettings.from(Map.of("jwtSecret", "short")::get, Map.<String, String>of()::get)
			.signer()).hasMessageContaining("jwtSecret must be at least 32 bytes");
		assertThatThrownBy(() -> TokenSettings.from(Map.of("jwtSecret", SECRET, "jwtPrivateKey", "-----BEGIN PRIVATE KEY-----")::get,
				Map.<String, String>of()::get)).hasMessageContaining("not both");
		assertThatThrownBy(() -> TokenSettings.from(
				Map.of("jwtPrivateKey", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")::get,
				Map.<String, String>of()::get).signer()).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
		assertThatThrownBy(() -> TokenSettings.from(Map.of("jwtPrivateKey", "/no/such/key.pem")::get,
				Map.<String, String>of()::get)).hasMessageContaining("cannot read jwtPrivateKey file /no/such/key.pem");
	}

	@Test
	void environmentNamesFollowThePropertyNames() {
		assertThat(TokenSettings.envName("jwtSecret")).isEqualTo("CHAT_BENCH_JWT_SECRET");
		assertThat(TokenSettings.envName("jwtPrivateKey")).isEqualTo("CHAT_BENCH_JWT_PRIVATE_KEY");
		assertThat(TokenSettings.envName("jwtKeyId")).isEqualTo("CHAT_BENCH_JWT_KEY_ID");
	}

}

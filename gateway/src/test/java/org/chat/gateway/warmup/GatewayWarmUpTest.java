package org.chat.gateway.warmup;

import java.net.URI;
import java.time.Duration;

import org.chat.chassis.warmup.WarmUp;
import org.chat.gateway.auth.AuthProperties;
import org.chat.gateway.auth.JwtDecoderFactory;
import org.chat.gateway.auth.SigningKeys;
import org.chat.gateway.auth.TokenAuthenticator;
import org.chat.gateway.dev.DevProperties;
import org.chat.gateway.validation.LimitsProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's warm-ups run their real paths without a server, and a broken path fails the round. */
class GatewayWarmUpTest {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final DevProperties DEV = new DevProperties(false, Duration.ofHours(1));

	private final GatewayWarmUpConfiguration configuration = new GatewayWarmUpConfiguration();

	@Test
	void aSendAndItsDeliveryGoThroughTheCodecsValidationAndRecordEncoding() {
		WarmUp warmUp = this.configuration.socketIoWarmUp(new LimitsProperties(4000, 100, 254, 2048, 50, 100));

		assertThatCode(() -> rounds(warmUp, 3)).doesNotThrowAnyException();
	}

	@Test
	void aRoundFailsWhenTheValidatorRefusesTheWarmUpMessage() {
		// a text limit below the warm-up message's length: the send is refused, so the round must not pass
		WarmUp warmUp = this.configuration.socketIoWarmUp(new LimitsProperties(10, 100, 254, 2048, 50, 100));

		assertThatThrownBy(warmUp::round).hasMessageContaining("text");
	}

	@Test
	void withASecretTokensAreSignedAndVerifiedByTheGatewaysOwnAuthenticator() {
		AuthProperties auth = auth(SECRET, null);
		SigningKeys keys = SigningKeys.resolve(auth, false);
		WarmUp warmUp = this.configuration.tokenWarmUp(new TokenAuthenticator(JwtDecoderFactory.create(auth, keys)),
				keys, auth, DEV);

		assertThatCode(() -> rounds(warmUp, 3)).doesNotThrowAnyException();
	}

	@Test
	void aRoundFailsWhenTheAuthenticatorRefusesTheToken() {
		AuthProperties auth = auth(SECRET, null);
		AuthProperties other = auth("another secret of at least 32 bytes!", null);
		WarmUp warmUp = this.configuration.tokenWarmUp(
				new TokenAuthenticator(JwtDecoderFactory.create(other, SigningKeys.resolve(other, false))),
				SigningKeys.resolve(auth, false), auth, DEV);

		assertThatThrownBy(warmUp::round).hasMessageContaining("bad token");
	}

	@Test
	void withAJwkSetOnlyTheWarmUpNeverAsksTheIdentityProvider() {
		// nothing listens there: a warm-up that went through the JWK decoder would fail to fetch the keys
		AuthProperties auth = auth(null, URI.create("http://127.0.0.1:9/jwks.json"));
		WarmUp warmUp = this.configuration.tokenWarmUp(
				new TokenAuthenticator(JwtDecoderFactory.create(auth, SigningKeys.resolve(auth, false))),
				SigningKeys.resolve(auth, false), auth, DEV);

		assertThatCode(() -> rounds(warmUp, 3)).doesNotThrowAnyException();
	}

	private static AuthProperties auth(String secret, URI jwks) {
		return new AuthProperties(secret, jwks, "https://issuer.example", "chat", Duration.ofSeconds(60), true);
	}

	private static void rounds(WarmUp warmUp, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			warmUp.round();
		}
	}

}

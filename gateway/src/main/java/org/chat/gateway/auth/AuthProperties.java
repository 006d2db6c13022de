package org.chat.gateway.auth;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How CONNECT tokens are verified: HS256 with {@code jwtSecret} and/or RS256 (and other asymmetric
 * algorithms) with the keys at {@code jwkSetUri}. {@code issuer}/{@code audience} are checked when set.
 *
 * @param jwtSecret HS256 secret, at least 32 bytes (the HS256 minimum key size)
 * @param jwkSetUri JWK set of an identity provider (RS256)
 * @param issuer required {@code iss}, if set
 * @param audience required member of {@code aud}, if set
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 * @param requireExpiry reject tokens without {@code exp}
 */
@Validated
@ConfigurationProperties("chat.auth")
public record AuthProperties(@Size(min = 32, message = "must be at least 32 bytes for HS256") String jwtSecret,
		URI jwkSetUri, String issuer, String audience, @NotNull @DefaultValue("60s") Duration clockSkew,
		@DefaultValue("true") boolean requireExpiry) {

	public boolean hasSecret() {
		return this.jwtSecret != null && !this.jwtSecret.isEmpty();
	}

}

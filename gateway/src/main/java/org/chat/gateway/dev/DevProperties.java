package org.chat.gateway.dev;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local/dev mode: {@code POST /dev/token} issues HS256 tokens for any user id. Never enable in production.
 *
 * @param enabled whether the dev token route exists (404 otherwise)
 * @param tokenTtl lifetime of an issued token
 */
@Validated
@ConfigurationProperties("chat.dev")
public record DevProperties(@DefaultValue("false") boolean enabled, @NotNull @DefaultValue("24h") Duration tokenTtl) {
}

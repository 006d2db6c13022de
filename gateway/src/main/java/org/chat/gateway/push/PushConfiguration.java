package org.chat.gateway.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /push/vapid-public-key}: the key browsers subscribe to Web Push with (the notification-service
 * holds the private half). A public value, so no token is needed; 404 when Web Push is not set up.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@EnableConfigurationProperties(PushConfiguration.GatewayPushProperties.class)
public class PushConfiguration {

	public static final String VAPID_KEY_PATH = "/push/vapid-public-key";

	/** @param vapidPublicKey the notification-service's {@code chat.push.webpush.public-key} (base64url) */
	@ConfigurationProperties("chat.push")
	public record GatewayPushProperties(String vapidPublicKey) {
	}

	@Bean
	RouterFunction<ServerResponse> vapidPublicKeyRoute(GatewayPushProperties properties) {
		return RouterFunctions.route(RequestPredicates.GET(VAPID_KEY_PATH), request -> {
			String key = properties.vapidPublicKey();
			return key == null || key.isBlank() ? ServerResponse.notFound().build()
					: ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(key.trim());
		});
	}

}

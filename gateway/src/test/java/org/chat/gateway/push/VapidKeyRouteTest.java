package org.chat.gateway.push;

import org.chat.gateway.push.PushConfiguration.GatewayPushProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class VapidKeyRouteTest {

	private static WebTestClient client(String key) {
		return WebTestClient.bindToRouterFunction(new PushConfiguration().vapidPublicKeyRoute(new GatewayPushProperties(key)))
			.build();
	}

	@Test
	void servesTheConfiguredPublicKeyAsText() {
		client(" BPublicKey-_x \n").get()
			.uri(PushConfiguration.VAPID_KEY_PATH)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("BPublicKey-_x");
	}

	@Test
	void isNotFoundWhenWebPushIsNotSetUp() {
		client(null).get().uri(PushConfiguration.VAPID_KEY_PATH).exchange().expectStatus().isNotFound();
		client(" ").get().uri(PushConfiguration.VAPID_KEY_PATH).exchange().expectStatus().isNotFound();
	}

}

package org.chat.gateway.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.fanout.FanoutChannels;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.gateway.GatewayApplication;
import org.chat.gateway.fanout.FanoutSubscriber;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a multi-node Redis configured only through the standard {@code spring.data.redis.*} properties:
 * a socket connects (its epoch is INCRed there, the gateway's alive key written) and what a service publishes on
 * the gateway's channel, through its own connection, reaches the socket.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.dev.enabled=true", "chat.gateway.redis-timeout=10s" })
abstract class RedisTopologyGatewaySupport {

	static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	RedisConnectionFactory connections;

	@Autowired
	FanoutSubscriber fanout;

	/** A service's own connection factory to the same Redis, e.g. seeded with another node. */
	abstract LettuceConnectionFactory serviceConnections();

	abstract String gatewayId();

	@Test
	void aSocketConnectsAndReceivesWhatAServicePublishesOnItsGatewayChannel() throws Exception {
		this.fanout.subscribed().block(WAIT);
		String user = "dave-" + UUID.randomUUID().toString().substring(0, 8);
		try (TestClient client = new TestClient(this.port, devToken(user), ClientEvents.RECEIVE_PRIVATE_MESSAGE)) {
			client.awaitConnected();
			assertThat(this.redis.opsForValue().get(PresenceKeys.epoch(user)).block(WAIT)).isEqualTo("1");
			assertThat(this.redis.getExpire(PresenceKeys.gatewayAlive(gatewayId())).block(WAIT)).isPositive();

			MessageView view = MessageView.of("65a1b2c3d4e5f60718293a4b", "hi over " + getClass().getSimpleName(),
					"erin", user, false, Instant.parse("2026-01-01T00:00:00Z"), null);
			LettuceConnectionFactory service = serviceConnections();
			try (FanoutChannels publisher = FanoutChannels.of(service)) {
				Long receivers = publisher.publish(Channels.gateway(gatewayId()),
						GatewayMessage.toUsers(List.of(user), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view).toJson())
					.block(WAIT);
				assertThat(receivers).isEqualTo(1L);
			}
			finally {
				service.destroy();
			}
			JSONObject data = (JSONObject) client.nextEvent(WAIT).data();
			assertThat(data.getString("text")).isEqualTo(view.text());
		}
	}

	private String devToken(String userId) throws Exception {
		return DevTokens.issue(this.port, userId, null);
	}

}

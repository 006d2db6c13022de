package org.chat.gateway.chat;

import java.nio.file.Files;

import org.chat.testsupport.TestInfra;
import org.chat.testsupport.redis.RedisSentinelFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway behind a Redis Sentinel ({@code spring.data.redis.sentinel.master} / {@code .nodes}). */
class SentinelGatewayIT extends RedisTopologyGatewaySupport {

	static final String GATEWAY = "gw-sentinel-1";

	static RedisSentinelFixture sentinel;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) throws Exception {
		TestInfra.registerSpringProperties(registry);
		sentinel = RedisSentinelFixture.start(Files.createTempDirectory("redis-sentinel-gw"));
		registry.add("spring.data.redis.sentinel.master", () -> RedisSentinelFixture.MASTER_NAME);
		registry.add("spring.data.redis.sentinel.nodes", () -> "127.0.0.1:" + sentinel.sentinelPort());
		registry.add("chat.gateway.id", () -> GATEWAY);
	}

	@AfterAll
	static void stop() {
		sentinel.close();
	}

	@Test
	void theGatewayReachesRedisThroughTheSentinelsMaster() {
		assertThat(this.connections).isInstanceOfSatisfying(LettuceConnectionFactory.class, factory -> {
			assertThat(factory.isRedisSentinelAware()).isTrue();
			assertThat(factory.getSentinelConfiguration().getMaster().getName())
				.isEqualTo(RedisSentinelFixture.MASTER_NAME);
		});
	}

	@Override
	LettuceConnectionFactory serviceConnections() {
		return sentinel.connectionFactory();
	}

	@Override
	String gatewayId() {
		return GATEWAY;
	}

}

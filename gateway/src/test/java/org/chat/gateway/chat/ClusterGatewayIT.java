package org.chat.gateway.chat;

import java.nio.file.Files;
import java.util.List;

import org.chat.contracts.Channels;
import org.chat.testsupport.TestInfra;
import org.chat.testsupport.redis.RedisClusterFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway on a 3-master Redis Cluster ({@code spring.data.redis.cluster.nodes}): sharded fan-out. */
class ClusterGatewayIT extends RedisTopologyGatewaySupport {

	static RedisClusterFixture cluster;

	static String gatewayId;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) throws Exception {
		TestInfra.registerSpringProperties(registry);
		cluster = RedisClusterFixture.start(Files.createTempDirectory("redis-cluster-gw"), 3);
		// A gateway whose channel's slot is on the last master; the service below knows only the first.
		for (int i = 0; gatewayId == null; i++) {
			if (cluster.portServing(Channels.gateway("gw-cluster-" + i)) == cluster.ports().get(2)) {
				gatewayId = "gw-cluster-" + i;
			}
		}
		registry.add("spring.data.redis.cluster.nodes", cluster::nodes);
		registry.add("chat.gateway.id", () -> gatewayId);
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Override
	LettuceConnectionFactory serviceConnections() {
		return cluster.connectionFactory(cluster.ports().get(0));
	}

	@Override
	String gatewayId() {
		return gatewayId;
	}

	@Test
	void theGatewaySubscribesShardedOnTheNodeOwningItsChannel() {
		this.fanout.subscribed().block(WAIT);
		assertThat(this.connections).isInstanceOfSatisfying(LettuceConnectionFactory.class,
				factory -> assertThat(factory.isClusterAware()).isTrue());
		String channel = Channels.gateway(gatewayId);
		int owner = cluster.portServing(channel);
		java.util.Map<String, Long> sharded = cluster.onNode(owner, redis -> redis.pubsubShardNumsub(channel));
		assertThat(sharded).containsEntry(channel, 1L);
		for (int port : cluster.ports()) {
			List<String> classic = cluster.onNode(port, redis -> redis.pubsubChannels());
			assertThat(classic).as("classic channels on %d", port).isEmpty();
		}
	}

}

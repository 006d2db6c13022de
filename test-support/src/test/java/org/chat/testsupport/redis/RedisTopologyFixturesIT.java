package org.chat.testsupport.redis;

import java.nio.file.Path;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTopologyFixturesIT {

	@Test
	void theClusterSpreadsSlotsOverThreeMastersThatAClusterClientRoutesTo(@TempDir Path dir) {
		try (RedisClusterFixture cluster = RedisClusterFixture.start(dir, 3)) {
			RedisClusterClient client = RedisClusterClient.create(RedisURI.create("127.0.0.1", cluster.ports().get(0)));
			try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
				// Two keys whose slots are on the two other masters than the seed node.
				String onSecond = keyServedBy(cluster, cluster.ports().get(1));
				String onThird = keyServedBy(cluster, cluster.ports().get(2));
				connection.sync().set(onSecond, "2");
				connection.sync().set(onThird, "3");

				String second = RedisNodes.on(cluster.ports().get(1), redis -> redis.get(onSecond));
				String third = RedisNodes.on(cluster.ports().get(2), redis -> redis.get(onThird));
				Long onSeed = RedisNodes.on(cluster.ports().get(0), redis -> redis.dbsize());
				assertThat(second).isEqualTo("2");
				assertThat(third).isEqualTo("3");
				assertThat(onSeed).isZero();
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
		}
	}

	@Test
	void theSentinelNamesTheMasterAndTheReplicaFollowsIt(@TempDir Path dir) {
		try (RedisSentinelFixture sentinel = RedisSentinelFixture.start(dir)) {
			RedisClient client = RedisClient.create(RedisURI.Builder
				.sentinel("127.0.0.1", sentinel.sentinelPort(), RedisSentinelFixture.MASTER_NAME)
				.build());
			try (var connection = client.connect()) {
				connection.sync().set("through-sentinel", "yes");
				String onMaster = RedisNodes.on(sentinel.masterPort(), redis -> redis.get("through-sentinel"));
				assertThat(onMaster).isEqualTo("yes");
				RedisNodes.await("replicated", () -> "yes"
					.equals(RedisNodes.on(sentinel.replicaPort(), redis -> redis.get("through-sentinel"))));
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
		}
	}

	static String keyServedBy(RedisClusterFixture cluster, int port) {
		for (int i = 0;; i++) {
			if (cluster.portServing("k" + i) == port) {
				return "k" + i;
			}
		}
	}

}

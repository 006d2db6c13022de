package org.chat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.chat.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class TestInfraIT {

	private final TestInfra infra = TestInfra.get();

	@Test
	void isOneSharedInstance() {
		assertThat(TestInfra.get()).isSameAs(infra);
	}

	@Test
	void chatTopicsExistWithThreePartitions() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.MESSAGES, Topics.PRESENCE))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			assertThat(topics.values()).extracting(t -> t.partitions().size()).containsOnly(3);
		}
	}

	@Test
	void redisRestartKeepsOrWipesData() {
		RedisClient client = RedisClient.create(RedisURI.create(infra.redisHost(), infra.redisPort()));
		try {
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("restart-test", "kept");
			}
			infra.restartRedis(false);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("restart-test")).isEqualTo("kept");
			}
			infra.restartRedis(true);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("restart-test")).isNull();
			}
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void mongoUriNamesTheTestDatabase() {
		assertThat(infra.mongoUri()).startsWith("mongodb://").endsWith("/chat-test");
		try (MongoClient client = MongoClients.create(infra.mongoUri())) {
			var collection = client.getDatabase("chat-test").getCollection("fixture");
			collection.insertOne(new Document("_id", "x").append("n", 1));
			assertThat(collection.find(new Document("_id", "x")).first()).containsEntry("n", 1);
		}
	}

	@Test
	void registersTheBoot4ConnectionProperties() {
		Map<String, Object> properties = new HashMap<>();
		DynamicPropertyRegistry registry = (name, supplier) -> properties.put(name, supplier.get());
		TestInfra.registerSpringProperties(registry);
		assertThat(properties).containsEntry("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
			.containsEntry("spring.data.redis.host", infra.redisHost())
			.containsEntry("spring.data.redis.port", infra.redisPort())
			.containsEntry("spring.mongodb.uri", infra.mongoUri());
	}

}

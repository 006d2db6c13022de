package org.chat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
	void kafkaStopRefusesClientsAndStartKeepsTheRecords() throws Exception {
		assumeTrue(infra.canStopKafka(), "embedded mode only");
		TopicPartition partition = new TopicPartition(Topics.MESSAGES, 0);
		String[] hostPort = infra.kafkaBootstrapServers().split(",")[0].split(":");
		InetSocketAddress bootstrap = InetSocketAddress.createUnresolved(hostPort[0], Integer.parseInt(hostPort[1]));
		try (Producer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000), new StringSerializer(), new StringSerializer())) {
			long offset = producer.send(new ProducerRecord<>(Topics.MESSAGES, 0, "k", "before the stop"))
				.get(10, TimeUnit.SECONDS)
				.offset();
			infra.stopKafka();
			try {
				assertThatThrownBy(() -> new Socket(bootstrap.getHostString(), bootstrap.getPort()).close())
					.as("the broker's port refuses connections")
					.isInstanceOf(ConnectException.class);
				// the producer's own delivery timeout (2 s) fails the send; a hang would end in get's 10 s instead
				assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.MESSAGES, 0, "k", "while down"))
					.get(10, TimeUnit.SECONDS)).as("a send while the broker is stopped")
					.isInstanceOf(ExecutionException.class)
					.cause()
					.isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
			}
			finally {
				infra.startKafka();
			}
			assertThat(readAt(partition, offset)).isEqualTo("before the stop");
			assertThat(producer.send(new ProducerRecord<>(Topics.MESSAGES, 0, "k", "after the start"))
				.get(20, TimeUnit.SECONDS)
				.offset()).isGreaterThan(offset);
		}
	}

	private String readAt(TopicPartition partition, long offset) {
		try (Consumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			long deadline = System.currentTimeMillis() + 20_000;
			while (System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(java.time.Duration.ofMillis(500))) {
					return record.value();
				}
			}
			return null;
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

package org.chat.testsupport;

import org.chat.infra.kafka.ChatTopics;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The official images through Testcontainers. Images can be overridden with the system properties
 * {@code chat.test.kafka-image}, {@code chat.test.redis-image}, {@code chat.test.mongo-image}.
 */
final class ContainerInfra implements InfraBackend {

	private static final int REDIS_PORT = 6379;

	private final KafkaContainer kafka;

	private final GenericContainer<?> redis;

	private final MongoDBContainer mongo;

	private ContainerInfra(KafkaContainer kafka, GenericContainer<?> redis, MongoDBContainer mongo) {
		this.kafka = kafka;
		this.redis = redis;
		this.mongo = mongo;
	}

	static ContainerInfra start() throws Exception {
		KafkaContainer kafka = new KafkaContainer(image("kafka", "apache/kafka:4.1.2"));
		GenericContainer<?> redis = new GenericContainer<>(image("redis", "redis:7.4")).withExposedPorts(REDIS_PORT);
		MongoDBContainer mongo = new MongoDBContainer(image("mongo", "mongo:8.0"));
		ContainerInfra infra = new ContainerInfra(kafka, redis, mongo);
		try {
			Startables.deepStart(kafka, redis, mongo).join();
			ChatTopics.ensure(kafka.getBootstrapServers(), TEST_PARTITIONS);
			return infra;
		}
		catch (Exception | Error e) {
			infra.close();
			throw e;
		}
	}

	private static DockerImageName image(String name, String defaultImage) {
		return DockerImageName.parse(System.getProperty("chat.test." + name + "-image", defaultImage));
	}

	@Override
	public String kafkaBootstrapServers() {
		return kafka.getBootstrapServers();
	}

	@Override
	public String redisHost() {
		return redis.getHost();
	}

	@Override
	public int redisPort() {
		return redis.getMappedPort(REDIS_PORT);
	}

	@Override
	public String mongoUri() {
		return mongo.getReplicaSetUrl(TEST_DATABASE);
	}

	/**
	 * A container restart would move the mapped port, so a restart is approximated: every client
	 * connection is dropped and, with {@code wipeData}, the data is flushed.
	 */
	@Override
	public void restartRedis(boolean wipeData) throws Exception {
		if (wipeData) {
			redisCli("FLUSHALL");
		}
		redisCli("CLIENT", "KILL", "TYPE", "normal");
		redisCli("CLIENT", "KILL", "TYPE", "pubsub");
	}

	/**
	 * Not supported: a stopped container gets a new mapped port when it starts again, and clients configured
	 * with the old one would never reconnect. Kafka stop/start scenarios need the embedded mode.
	 */
	@Override
	public boolean canStopKafka() {
		return false;
	}

	@Override
	public void stopKafka() {
		throw new UnsupportedOperationException("stopping Kafka needs -Dchat.test.infra=embedded");
	}

	@Override
	public void startKafka() {
		throw new UnsupportedOperationException("starting Kafka needs -Dchat.test.infra=embedded");
	}

	private void redisCli(String... command) throws Exception {
		String[] full = new String[command.length + 1];
		full[0] = "redis-cli";
		System.arraycopy(command, 0, full, 1, command.length);
		var result = redis.execInContainer(full);
		if (result.getExitCode() != 0) {
			throw new IllegalStateException("redis-cli " + String.join(" ", command) + " failed: " + result.getStderr());
		}
	}

	@Override
	public void close() {
		kafka.stop();
		redis.stop();
		mongo.stop();
	}

}

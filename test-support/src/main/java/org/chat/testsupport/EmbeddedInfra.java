package org.chat.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.chat.infra.FreePort;
import org.chat.infra.kafka.KafkaBroker;
import org.chat.infra.kafka.KafkaSettings;
import org.chat.infra.mongo.MongoStore;
import org.chat.infra.redis.RedisBinary;
import org.chat.infra.redis.RedisServer;
import org.chat.infra.redis.RedisSettings;

/**
 * The embedded infrastructure inside the test JVM, on free ports, in a temporary directory that is
 * deleted on close. Redis and Mongo start while the broker starts, which dominates (~2-3 s).
 */
final class EmbeddedInfra implements InfraBackend {

	/** A free port can be taken by someone else before we bind it; then try new ones. */
	private static final int START_ATTEMPTS = 3;

	private final Path root;

	private final KafkaSettings kafkaSettings;

	/** The running broker, null while stopped. */
	private KafkaBroker kafka;

	private final RedisServer redis;

	private final MongoStore mongo;

	private EmbeddedInfra(Path root, KafkaBroker kafka, RedisServer redis, MongoStore mongo) {
		this.root = root;
		this.kafkaSettings = kafka.settings();
		this.kafka = kafka;
		this.redis = redis;
		this.mongo = mongo;
	}

	static EmbeddedInfra start() throws Exception {
		QuietServers.apply();
		Path root = Files.createTempDirectory("chat-test-infra");
		CompletableFuture<RedisServer> redis = async(() -> retrying(() -> startRedis(root)));
		CompletableFuture<MongoStore> mongo = async(() -> MongoStore.startInMemory(0));
		KafkaBroker kafka = null;
		try {
			kafka = retrying(() -> KafkaBroker.start(kafkaSettings(root)));
			return new EmbeddedInfra(root, kafka, redis.join(), mongo.join());
		}
		catch (Exception | Error e) {
			closeQuietly(kafka);
			redis.thenAccept(RedisServer::close);
			mongo.thenAccept(MongoStore::close);
			throw e;
		}
	}

	private static KafkaSettings kafkaSettings(Path root) throws IOException {
		int port = FreePort.find();
		int controllerPort = FreePort.find();
		while (controllerPort == port) {
			controllerPort = FreePort.find();
		}
		Path dir = Files.createTempDirectory(root, "kafka");
		return new KafkaSettings("127.0.0.1", port, controllerPort, dir, TEST_PARTITIONS);
	}

	private static RedisServer startRedis(Path root) throws IOException {
		Path binary = RedisBinary.resolve(Path.of(System.getProperty("java.io.tmpdir"), "chat-redis-bin"));
		RedisSettings settings = new RedisSettings(FreePort.find(), root.resolve("redis"), true, root.resolve("redis.log"));
		return RedisServer.start(binary, settings);
	}

	private static <T> T retrying(Callable<T> start) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return start.call();
			}
			catch (Exception e) {
				if (attempt == START_ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	private static <T> CompletableFuture<T> async(Callable<T> start) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return start.call();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@Override
	public String kafkaBootstrapServers() {
		return kafkaSettings.bootstrapServers();
	}

	@Override
	public String redisHost() {
		return redis.host();
	}

	@Override
	public int redisPort() {
		return redis.port();
	}

	@Override
	public String mongoUri() {
		return mongo.uri(TEST_DATABASE);
	}

	@Override
	public void restartRedis(boolean wipeData) throws IOException {
		redis.restart(wipeData);
	}

	@Override
	public boolean canStopKafka() {
		return true;
	}

	/** A graceful broker shutdown (logs flushed); its ports refuse connections until {@link #startKafka()}. */
	@Override
	public synchronized void stopKafka() {
		if (kafka != null) {
			kafka.close();
			kafka = null;
		}
	}

	/** The same ports and data directory again: topics, records and committed offsets are kept. */
	@Override
	public synchronized void startKafka() throws Exception {
		if (kafka == null) {
			kafka = KafkaBroker.start(kafkaSettings);
		}
	}

	@Override
	public synchronized void close() {
		closeQuietly(kafka);
		closeQuietly(redis);
		closeQuietly(mongo);
		deleteQuietly(root);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception e) {
			// Shutting down at JVM exit: nothing useful left to do with the failure.
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// Temporary directory; the OS cleans it eventually.
		}
	}

}

package org.chat.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Kafka, Redis and MongoDB for integration tests, started lazily once per JVM and stopped at JVM
 * exit. Topics chat.messages and chat.presence exist with 3 partitions. Mode: Testcontainers when a
 * Docker engine is reachable, the embedded infrastructure otherwise; force it with
 * {@code -Dchat.test.infra=embedded|containers}.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infra(DynamicPropertyRegistry registry) {
 *     TestInfra.registerSpringProperties(registry);
 * }
 * </pre>
 */
public final class TestInfra {

	private static TestInfra instance;

	private static RuntimeException startFailure;

	private final InfraMode mode;

	private final InfraBackend backend;

	private TestInfra(InfraMode mode, InfraBackend backend) {
		this.mode = mode;
		this.backend = backend;
	}

	/** The shared infrastructure; the first call starts it (a failed start fails every later call too). */
	public static synchronized TestInfra get() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (instance == null) {
			try {
				instance = start(InfraMode.choose());
			}
			catch (Exception e) {
				startFailure = new IllegalStateException("test infrastructure failed to start", e);
				throw startFailure;
			}
		}
		return instance;
	}

	private static TestInfra start(InfraMode mode) throws Exception {
		long began = System.nanoTime();
		InfraBackend backend = mode == InfraMode.EMBEDDED ? EmbeddedInfra.start() : ContainerInfra.start();
		Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "test-infra-shutdown"));
		System.out.printf("[TestInfra] %s infrastructure ready in %d ms: kafka %s, redis %s:%d, mongo %s%n", mode,
				(System.nanoTime() - began) / 1_000_000, backend.kafkaBootstrapServers(), backend.redisHost(),
				backend.redisPort(), backend.mongoUri());
		return new TestInfra(mode, backend);
	}

	/** Sets the Spring Boot 4 connection properties of Kafka, Redis and MongoDB to this infrastructure. */
	public static void registerSpringProperties(DynamicPropertyRegistry registry) {
		TestInfra infra = get();
		registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
		registry.add("spring.data.redis.host", infra::redisHost);
		registry.add("spring.data.redis.port", infra::redisPort);
		registry.add("spring.mongodb.uri", infra::mongoUri);
	}

	public InfraMode mode() {
		return mode;
	}

	public String kafkaBootstrapServers() {
		return backend.kafkaBootstrapServers();
	}

	public String redisHost() {
		return backend.redisHost();
	}

	public int redisPort() {
		return backend.redisPort();
	}

	/** {@code mongodb://host:port/chat-test}. */
	public String mongoUri() {
		return backend.mongoUri();
	}

	/**
	 * Simulates a Redis restart on the same host and port: connections drop; with {@code wipeData}
	 * the server comes back empty, else with its data. Embedded mode restarts the real process.
	 */
	public void restartRedis(boolean wipeData) {
		try {
			backend.restartRedis(wipeData);
		}
		catch (Exception e) {
			throw new IllegalStateException("Redis restart failed", e);
		}
	}

	/** Whether {@link #stopKafka()} works here: embedded mode only (a container would come back on a new port). */
	public boolean canStopKafka() {
		return backend.canStopKafka();
	}

	/**
	 * Shuts the Kafka broker down (gracefully: what it acknowledged is on disk); its port refuses connections
	 * until {@link #startKafka()}. Unsupported with Testcontainers ({@link #canStopKafka()}).
	 */
	public void stopKafka() {
		try {
			backend.stopKafka();
		}
		catch (Exception e) {
			throw new IllegalStateException("Kafka stop failed", e);
		}
	}

	/** Starts the stopped broker on the same port and data: topics, records and committed offsets are kept. */
	public void startKafka() {
		try {
			backend.startKafka();
		}
		catch (Exception e) {
			throw new IllegalStateException("Kafka start failed", e);
		}
	}

}

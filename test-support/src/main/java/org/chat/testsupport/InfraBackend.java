package org.chat.testsupport;

/** One running set of Kafka, Redis and MongoDB endpoints. */
interface InfraBackend extends AutoCloseable {

	/** Partitions of chat.messages and chat.presence in tests. */
	int TEST_PARTITIONS = 3;

	String TEST_DATABASE = "chat-test";

	String kafkaBootstrapServers();

	String redisHost();

	int redisPort();

	String mongoUri();

	void restartRedis(boolean wipeData) throws Exception;

	/** Whether {@link #stopKafka()} and {@link #startKafka()} are supported in this mode. */
	boolean canStopKafka();

	void stopKafka() throws Exception;

	void startKafka() throws Exception;

	@Override
	void close();

}

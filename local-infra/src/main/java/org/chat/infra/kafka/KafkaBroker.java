package org.chat.infra.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run in this JVM
 * from Apache Kafka's own server classes, with its chat topics created.
 */
public final class KafkaBroker implements AutoCloseable {

	private final KafkaSettings settings;

	private final KafkaRaftServer server;

	private KafkaBroker(KafkaSettings settings, KafkaRaftServer server) {
		this.settings = settings;
		this.server = server;
	}

	/** Formats storage on first use, starts the broker (returns once it serves clients) and ensures the topics. */
	public static KafkaBroker start(KafkaSettings settings) throws Exception {
		StorageFormat.ensureFormatted(settings);
		KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(BrokerConfig.of(settings)), Time.SYSTEM);
		try {
			server.startup();
			ChatTopics.ensure(settings.bootstrapServers(), settings.partitions());
		}
		catch (Exception | Error e) {
			server.shutdown();
			server.awaitShutdown();
			throw e;
		}
		return new KafkaBroker(settings, server);
	}

	public String bootstrapServers() {
		return settings.bootstrapServers();
	}

	public KafkaSettings settings() {
		return settings;
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
	}

}

package org.chat.infra.kafka;

import java.nio.file.Path;
import java.util.Objects;

import org.chat.contracts.Topics;

/**
 * Where and how the embedded broker runs.
 *
 * @param port client (PLAINTEXT) listener port
 * @param controllerPort KRaft controller listener port; fixed because the static voter list names it
 * @param dataDir broker state; the log directory lives in {@code dataDir/logs}
 * @param partitions partitions of the chat topics
 */
public record KafkaSettings(String host, int port, int controllerPort, Path dataDir, int partitions) {

	public static final int DEFAULT_PORT = 9092;

	public static final int DEFAULT_CONTROLLER_PORT = 9093;

	public static final int DEFAULT_PARTITIONS = Topics.DEFAULT_PARTITIONS;

	public KafkaSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(dataDir, "dataDir");
		requirePort(port, "port");
		requirePort(controllerPort, "controllerPort");
		if (port == controllerPort) {
			throw new IllegalArgumentException("Kafka port and controller port must differ, both are " + port);
		}
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
		}
	}

	private static void requirePort(int port, String name) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(name + " must be 1..65535, got " + port);
		}
	}

	public Path logDir() {
		return dataDir.resolve("logs");
	}

	public String bootstrapServers() {
		return host + ":" + port;
	}

}

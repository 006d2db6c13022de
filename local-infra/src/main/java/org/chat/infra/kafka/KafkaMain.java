package org.chat.infra.kafka;

import java.nio.file.Path;
import java.util.Set;

import org.chat.infra.InfraMain;
import org.chat.infra.LaunchOptions;

/**
 * {@code java org.chat.infra.kafka.KafkaMain [--port=9092] [--controller-port=9093]
 * [--data-dir=.chat/data/kafka] [--partitions=12]}; env CHAT_KAFKA_PORT, CHAT_KAFKA_CONTROLLER_PORT,
 * CHAT_KAFKA_DATA_DIR, CHAT_KAFKA_PARTITIONS.
 */
public final class KafkaMain {

	private KafkaMain() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		InfraMain.run("kafka", () -> {
			LaunchOptions options = LaunchOptions.parse(args, Set.of("port", "controller-port", "data-dir", "partitions"));
			KafkaSettings settings = new KafkaSettings("127.0.0.1",
					options.intValue("port", "CHAT_KAFKA_PORT", KafkaSettings.DEFAULT_PORT),
					options.intValue("controller-port", "CHAT_KAFKA_CONTROLLER_PORT", KafkaSettings.DEFAULT_CONTROLLER_PORT),
					options.pathValue("data-dir", "CHAT_KAFKA_DATA_DIR", Path.of(".chat", "data", "kafka")).toAbsolutePath(),
					options.intValue("partitions", "CHAT_KAFKA_PARTITIONS", KafkaSettings.DEFAULT_PARTITIONS));
			KafkaBroker broker = KafkaBroker.start(settings);
			return new InfraMain.Running("bootstrap servers " + broker.bootstrapServers() + ", topics " + ChatTopics.NAMES
					+ " with " + settings.partitions() + " partitions, data " + settings.dataDir(), broker);
		});
	}

}

package org.chat.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

	private static final Path DIR = Path.of("/data/kafka");

	@Test
	void rejectsBadPortsAndPartitions() {
		assertThatThrownBy(() -> new KafkaSettings("127.0.0.1", 0, 9093, DIR, 12)).hasMessageContaining("port");
		assertThatThrownBy(() -> new KafkaSettings("127.0.0.1", 9092, 9092, DIR, 12)).hasMessageContaining("must differ");
		assertThatThrownBy(() -> new KafkaSettings("127.0.0.1", 9092, 9093, DIR, 0)).hasMessageContaining("partitions");
	}

	@Test
	void brokerConfigIsSingleNodeKraftWithExplicitLogDirAndFixedListeners() {
		Properties config = BrokerConfig.of(new KafkaSettings("127.0.0.1", 9092, 9093, DIR, 12));

		assertThat(config).containsEntry("process.roles", "broker,controller")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("log.dirs", DIR.resolve("logs").toString())
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("min.insync.replicas", "1");
	}

}

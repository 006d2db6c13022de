package org.chat.infra.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code kafka-storage format}, done once: an already formatted log dir is kept, so data survives restarts. */
final class StorageFormat {

	private static final Logger log = LoggerFactory.getLogger(StorageFormat.class);

	private StorageFormat() {
	}

	static void ensureFormatted(KafkaSettings settings) throws Exception {
		Path logDir = settings.logDir();
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		Files.createDirectories(logDir);
		String clusterId = Uuid.randomUuid().toString();
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setClusterId(clusterId)
			.setNodeId(BrokerConfig.NODE_ID)
			.setControllerListenerName(BrokerConfig.CONTROLLER_LISTENER)
			.setMetadataLogDirectory(logDir.toString())
			.setDirectories(List.of(logDir.toString()))
			.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
			.run();
		log.info("Formatted Kafka storage {} (cluster id {})", logDir, clusterId);
	}

}

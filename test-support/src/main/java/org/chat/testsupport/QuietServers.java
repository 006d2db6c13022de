package org.chat.testsupport;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' own loggers down to WARN, so a test's log shows the code under test
 * rather than broker internals. Kafka client loggers are left alone. A later logging reset (e.g.
 * Spring Boot starting another context) may raise them back to INFO, which is harmless.
 */
final class QuietServers {

	private static final List<String> SERVER_LOGGERS = List.of("kafka", "state.change.logger",
			"org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft",
			"org.apache.kafka.storage", "org.apache.kafka.metadata", "org.apache.kafka.image",
			"org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.security",
			"de.bwaldvogel", "org.h2");

	private QuietServers() {
	}

	static void apply() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			SERVER_LOGGERS.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
		}
	}

}

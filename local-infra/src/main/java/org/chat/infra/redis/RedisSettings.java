package org.chat.infra.redis;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run redis-server.
 *
 * @param port listen port (bound to 127.0.0.1 only)
 * @param dataDir working directory: append-only file and dumps
 * @param persistent append-only file on, so data survives a restart
 * @param logFile where the server's output goes; {@code null} inherits this JVM's output
 */
public record RedisSettings(int port, Path dataDir, boolean persistent, Path logFile) {

	public static final int DEFAULT_PORT = 6379;

	public static final String HOST = "127.0.0.1";

	public RedisSettings {
		Objects.requireNonNull(dataDir, "dataDir");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Redis port must be 1..65535, got " + port);
		}
	}

}

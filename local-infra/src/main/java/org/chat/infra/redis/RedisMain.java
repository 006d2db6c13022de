package org.chat.infra.redis;

import java.nio.file.Path;
import java.util.Set;

import org.chat.infra.InfraMain;
import org.chat.infra.LaunchOptions;

/**
 * {@code java org.chat.infra.redis.RedisMain [--port=6379] [--data-dir=.chat/data/redis]
 * [--bin-dir=.chat/bin]}; env CHAT_REDIS_PORT, CHAT_REDIS_DATA_DIR, CHAT_BIN_DIR. Append-only
 * persistence is on. ({@code ./chat up} runs the redis-server binary directly instead; see
 * {@link org.chat.infra.Preflight}.)
 */
public final class RedisMain {

	private RedisMain() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		InfraMain.run("redis", () -> {
			LaunchOptions options = LaunchOptions.parse(args, Set.of("port", "data-dir", "bin-dir"));
			RedisSettings settings = new RedisSettings(options.intValue("port", "CHAT_REDIS_PORT", RedisSettings.DEFAULT_PORT),
					options.pathValue("data-dir", "CHAT_REDIS_DATA_DIR", Path.of(".chat", "data", "redis")).toAbsolutePath(),
					true, null);
			Path binary = RedisBinary.resolve(
					options.pathValue("bin-dir", "CHAT_BIN_DIR", Path.of(".chat", "bin")).toAbsolutePath());
			RedisServer server = RedisServer.start(binary, settings);
			return new InfraMain.Running("redis-server " + binary + " on " + server.host() + ":" + server.port() + ", data "
					+ settings.dataDir(), server);
		});
	}

}

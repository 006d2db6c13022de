package org.chat.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.chat.infra.FreePort;
import org.chat.infra.redis.RedisBinary;
import org.chat.infra.redis.RedisServer;
import org.chat.infra.redis.RedisSettings;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The redis-server processes of one multi-node fixture: Redis 7 from the PATH (sharded pub/sub needs it; the
 * bundled 6.2 fallback would not do), each under {@link RedisServer}'s watchdog, so none outlives the JVM.
 */
final class RedisNodes implements AutoCloseable {

	static final String HOST = RedisSettings.HOST;

	private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

	private final Path binary = RedisBinary.onPathAtLeast(7);

	private final Path dir;

	private final List<RedisServer> servers = new ArrayList<>();

	RedisNodes(Path dir) {
		this.dir = dir;
	}

	/** Starts one node on a free port in its own directory {@code name}. */
	RedisServer start(String name, Path configFile, List<String> args) {
		return start(name, FreePort.find(), configFile, args);
	}

	RedisServer start(String name, int port, Path configFile, List<String> args) {
		try {
			Path home = this.dir.resolve(name);
			RedisServer server = RedisServer.start(this.binary,
					new RedisSettings(port, home, false, this.dir.resolve(name + ".log")), configFile, args);
			this.servers.add(server);
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot start redis-server " + name + " (log: " + this.dir + ")", e);
		}
	}

	/** Runs {@code command} against one node on a short-lived connection. */
	static <T> T on(int port, Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.create(HOST, port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	static LettuceConnectionFactory started(LettuceConnectionFactory factory) {
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** Polls {@code condition} until it holds or the formation timeout passes. */
	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Redis fixture: " + what + " not reached within " + FORM_TIMEOUT);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted waiting for " + what, e);
			}
		}
	}

	static Predicate<String> infoHas(String line) {
		return info -> info.lines().anyMatch(l -> l.strip().equals(line));
	}

	@Override
	public void close() {
		for (int i = this.servers.size() - 1; i >= 0; i--) {
			this.servers.get(i).close();
		}
		this.servers.clear();
	}

}

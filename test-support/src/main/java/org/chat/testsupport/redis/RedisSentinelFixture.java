package org.chat.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.lettuce.core.api.sync.RedisCommands;

import org.chat.infra.FreePort;
import org.chat.infra.redis.RedisServer;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Sentinel-managed Redis: one master, one replica and one sentinel (quorum 1), real redis-server 7 processes
 * on free ports. Use {@link #springProperties()} to point an application at it the way a deployment would.
 */
public final class RedisSentinelFixture implements AutoCloseable {

	public static final String MASTER_NAME = "chat";

	private final RedisNodes nodes;

	private int masterPort;

	private int replicaPort;

	private int sentinelPort;

	private RedisSentinelFixture(Path dir) {
		this.nodes = new RedisNodes(dir);
	}

	public static RedisSentinelFixture start(Path dir) {
		RedisSentinelFixture sentinel = new RedisSentinelFixture(dir);
		try {
			sentinel.form(dir);
			return sentinel;
		}
		catch (RuntimeException e) {
			sentinel.close();
			throw e;
		}
	}

	private void form(Path dir) {
		this.masterPort = this.nodes.start("master", null, List.of()).port();
		this.replicaPort = this.nodes
			.start("replica", null, List.of("--replicaof", RedisNodes.HOST, String.valueOf(this.masterPort)))
			.port();
		RedisNodes.await("replica in sync with the master", () -> RedisNodes.on(this.replicaPort,
				redis -> RedisNodes.infoHas("master_link_status:up").test(redis.info("replication"))));
		int port = FreePort.find();
		// Sentinel rewrites its configuration file, so it gets one of its own.
		Path config = dir.resolve("sentinel-" + port + ".conf");
		write(config, String.join("\n", "sentinel monitor " + MASTER_NAME + " " + RedisNodes.HOST + " " + this.masterPort + " 1",
				"sentinel down-after-milliseconds " + MASTER_NAME + " 5000", ""));
		RedisServer sentinel = this.nodes.start("sentinel", port, config, List.of("--sentinel"));
		this.sentinelPort = sentinel.port();
		RedisNodes.await("sentinel knows master and replica", () -> RedisNodes.on(this.sentinelPort,
				redis -> RedisNodes.infoHas("master0:name=" + MASTER_NAME + ",status=ok,address=" + RedisNodes.HOST + ":"
						+ this.masterPort + ",slaves=1,sentinels=1")
					.test(redis.info("sentinel"))));
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int masterPort() {
		return this.masterPort;
	}

	public int replicaPort() {
		return this.replicaPort;
	}

	public int sentinelPort() {
		return this.sentinelPort;
	}

	/** Runs {@code command} on the node at {@code port} directly. */
	public <T> T onNode(int port, Function<RedisCommands<String, String>, T> command) {
		return RedisNodes.on(port, command);
	}

	/** A started Lettuce connection factory that finds the master through the sentinel; destroy it after use. */
	public LettuceConnectionFactory connectionFactory() {
		return RedisNodes.started(new LettuceConnectionFactory(
				new RedisSentinelConfiguration().master(MASTER_NAME).sentinel(RedisNodes.HOST, this.sentinelPort)));
	}

	/** Spring Boot properties that make an application find the master through the sentinel. */
	public List<String> springProperties() {
		return List.of("spring.data.redis.sentinel.master=" + MASTER_NAME,
				"spring.data.redis.sentinel.nodes=" + RedisNodes.HOST + ":" + this.sentinelPort);
	}

	@Override
	public void close() {
		this.nodes.close();
	}

}

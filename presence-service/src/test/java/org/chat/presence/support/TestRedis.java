package org.chat.presence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * A real redis-server (shipped in embedded-redis) for the unit-level script tests, one per JVM. The ITs use
 * the shared TestInfra instead.
 */
public final class TestRedis {

	private static TestRedis instance;

	private final RedisServer server;

	private final LettuceConnectionFactory factory;

	private final ReactiveStringRedisTemplate template;

	private TestRedis() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.server = RedisServer.newRedisServer().port(port).setting("save \"\"").setting("appendonly no").build();
		this.server.start();
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", port));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.template = new ReactiveStringRedisTemplate(this.factory);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
	}

	public static synchronized TestRedis get() {
		if (instance == null) {
			try {
				instance = new TestRedis();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	public ReactiveStringRedisTemplate template() {
		return this.template;
	}

	public LettuceConnectionFactory connectionFactory() {
		return this.factory;
	}

	public void flush() {
		this.template.execute(connection -> connection.serverCommands().flushDb()).blockLast();
	}

	private void stop() {
		this.factory.destroy();
		try {
			this.server.stop();
		}
		catch (IOException ignored) {
			// the JVM is exiting
		}
	}

}

package org.chat.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.chat.infra.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerIT {

	@TempDir
	static Path dir;

	static RedisServer server;

	static RedisClient client;

	@BeforeAll
	static void start() throws Exception {
		Path binary = RedisBinary.resolve(dir.resolve("bin"));
		server = RedisServer.start(binary, new RedisSettings(FreePort.find(), dir.resolve("data"), true, dir.resolve("redis.log")));
		client = RedisClient.create(RedisURI.create(server.host(), server.port()));
	}

	@AfterAll
	static void stop() {
		client.shutdown();
		server.close();
	}

	@Test
	void runsLuaScriptsAtomically() {
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			String script = "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]); return redis.call('HLEN', KEYS[1])";

			Long size = redis.eval(script, ScriptOutputType.INTEGER, new String[] { "lua:hash" }, "s1", "gw-1");

			assertThat(size).isEqualTo(1L);
			assertThat(redis.hget("lua:hash", "s1")).isEqualTo("gw-1");
		}
	}

	@Test
	void deliversPublishedMessagesToSubscribers() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
				StatefulRedisConnection<String, String> pub = client.connect()) {
			sub.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					received.add(channel + ":" + message);
				}
			});
			sub.sync().subscribe("chat:gw:test");

			assertThat(pub.sync().publish("chat:gw:test", "hi")).isEqualTo(1L);
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("chat:gw:test:hi");
		}
	}

	@Test
	void keepsDataAcrossRestartUnlessWiped() throws Exception {
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("durable", "yes");
		}
		server.restart(false);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().get("durable")).isEqualTo("yes");
		}
		server.restart(true);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().get("durable")).isNull();
		}
	}

}

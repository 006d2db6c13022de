package org.chat.presence.support;

import org.chat.testsupport.redis.TestRedisClient;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** A client of the shared test redis-server (TestInfra) for the script-level tests that need no Spring context. */
public final class TestRedis {

	private static TestRedis instance;

	private static final int SCRIPT_TESTS_DATABASE = 7;

	private final TestRedisClient client;

	private TestRedis() {
		// a database of its own: presence-service contexts of other ITs in this JVM keep sweeping database 0,
		// and these script tests flush theirs between cases
		this.client = TestRedisClient.open(SCRIPT_TESTS_DATABASE);
		Runtime.getRuntime().addShutdownHook(new Thread(this.client::close));
	}

	public static synchronized TestRedis get() {
		if (instance == null) {
			instance = new TestRedis();
		}
		return instance;
	}

	public ReactiveStringRedisTemplate template() {
		return this.client.template();
	}

	public LettuceConnectionFactory connectionFactory() {
		return this.client.connectionFactory();
	}

	public void flush() {
		template().execute(connection -> connection.serverCommands().flushDb()).blockLast();
	}

}

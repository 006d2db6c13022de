package org.chat.presence.support;

import org.chat.testsupport.TestInfra;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** A client of the shared test redis-server (TestInfra) for the script-level tests that need no Spring context. */
public final class TestRedis {

	private static TestRedis instance;

	private final LettuceConnectionFactory factory;

	private static final int SCRIPT_TESTS_DATABASE = 7;

	private final ReactiveStringRedisTemplate template;

	private TestRedis() {
		TestInfra infra = TestInfra.get();
		RedisStandaloneConfiguration redis = new RedisStandaloneConfiguration(infra.redisHost(), infra.redisPort());
		// a database of its own: presence-service contexts of other ITs in this JVM keep sweeping database 0,
		// and these script tests flush theirs between cases
		redis.setDatabase(SCRIPT_TESTS_DATABASE);
		this.factory = new LettuceConnectionFactory(redis);
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.template = new ReactiveStringRedisTemplate(this.factory);
		Runtime.getRuntime().addShutdownHook(new Thread(this.factory::destroy));
	}

	public static synchronized TestRedis get() {
		if (instance == null) {
			instance = new TestRedis();
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

}

package org.chat.testsupport.redis;

import org.chat.testsupport.TestInfra;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** A reactive client of the shared test redis-server ({@link TestInfra}), for tests that need no Spring context. */
public final class TestRedisClient implements AutoCloseable {

	private final LettuceConnectionFactory factory;

	private final ReactiveStringRedisTemplate template;

	private TestRedisClient(int database) {
		TestInfra infra = TestInfra.get();
		RedisStandaloneConfiguration redis = new RedisStandaloneConfiguration(infra.redisHost(), infra.redisPort());
		redis.setDatabase(database);
		this.factory = new LettuceConnectionFactory(redis);
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.template = new ReactiveStringRedisTemplate(this.factory);
	}

	/** A client of database 0. */
	public static TestRedisClient open() {
		return open(0);
	}

	public static TestRedisClient open(int database) {
		return new TestRedisClient(database);
	}

	public ReactiveStringRedisTemplate template() {
		return this.template;
	}

	public LettuceConnectionFactory connectionFactory() {
		return this.factory;
	}

	@Override
	public void close() {
		this.factory.destroy();
	}

}

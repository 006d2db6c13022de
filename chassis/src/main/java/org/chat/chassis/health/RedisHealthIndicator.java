package org.chat.chassis.health;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Redis answers PING within the health timeout. Takes the place of Boot's {@code redis} indicator, which is
 * bounded only by the client's command timeout, so that every backing system shares one health timeout.
 */
public class RedisHealthIndicator extends AbstractReactiveHealthIndicator {

	/**
	 * Getting a connection may block while it connects, so never on the caller's thread; and a check that times
	 * out must not interrupt that connect (cancelling a task of this scheduler does not reach the thread), or a
	 * first connect slower than the timeout would be cut short at every check and never finish.
	 */
	private static final Scheduler CONNECT = Schedulers.fromExecutor(task -> Schedulers.boundedElastic().schedule(task));

	private final ReactiveRedisConnectionFactory connections;

	private final Duration timeout;

	public RedisHealthIndicator(ReactiveRedisConnectionFactory connections, Duration timeout) {
		super("Redis health check failed");
		this.connections = connections;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono
			.usingWhen(Mono.fromSupplier(this.connections::getReactiveConnection).subscribeOn(CONNECT),
					ReactiveRedisConnection::ping, ReactiveRedisConnection::closeLater)
			.timeout(this.timeout)
			.map(pong -> builder.up().build());
	}

}

package org.chat.chassis.health;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * MongoDB answers {@code ping} within the health timeout. Takes the place of Boot's {@code mongo} indicator,
 * which sends {@code hello} (a command the embedded mongo-java-server does not know) and has no bound of its own.
 * Free of either driver's types (each service has only one): {@link MongoHealthConfiguration} builds the ping on the
 * reactive driver, {@link BlockingMongoHealthConfiguration} on the blocking one.
 */
public class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

	static final Document PING = new Document("ping", 1);

	private final Mono<String> ping;

	private final Duration timeout;

	/** @param ping sends {@code ping} and emits the database's name */
	public MongoHealthIndicator(Mono<String> ping, Duration timeout) {
		super("Mongo health check failed");
		this.ping = ping;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.ping.timeout(this.timeout).map(database -> builder.up().withDetail("database", database).build());
	}

}

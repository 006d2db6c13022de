package org.chat.chassis.health;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB answers {@code ping} within the health timeout. Takes the place of Boot's {@code mongo} indicator,
 * which sends {@code hello} (a command the embedded mongo-java-server does not know) and has no bound of its own.
 */
public class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	public MongoHealthIndicator(ReactiveMongoTemplate mongo, Duration timeout) {
		super("Mongo health check failed");
		this.mongo = mongo;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.getMongoDatabase()
			.flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
				.map(answer -> builder.up().withDetail("database", db.getName()).build()))
			.timeout(this.timeout);
	}

}

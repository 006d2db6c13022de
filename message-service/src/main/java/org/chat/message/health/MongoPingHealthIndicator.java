package org.chat.message.health;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Replaces Boot's Mongo indicator (which sends {@code hello}, a command the embedded mongo-java-server
 * does not know) with {@code ping}, which MongoDB and the embedded server both answer.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	public MongoPingHealthIndicator(ReactiveMongoTemplate mongo, Duration timeout) {
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

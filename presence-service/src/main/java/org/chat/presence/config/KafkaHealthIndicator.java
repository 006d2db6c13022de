package org.chat.presence.config;

import java.time.Duration;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/** Kafka is up when the cluster answers describeCluster in time (part of readiness). */
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final AdminClient admin;

	KafkaHealthIndicator(AdminClient admin) {
		this.admin = admin;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		var cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		return Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture())
			.timeout(TIMEOUT)
			.map(nodes -> builder.up().withDetail("nodes", nodes.size()).build());
	}

}

package org.chat.chassis.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;

/**
 * Up when the cluster answers a metadata request within the timeout and every listener container of this
 * service is running (a container stops for good on a fatal error, e.g. a fenced {@code group.instance.id}: the
 * service then consumes nothing and must leave the load balancer). A service without listeners checks the
 * cluster only. One admin connection, opened at the first check and reused.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final KafkaListenerEndpointRegistry listeners;

	private final Duration timeout;

	private AdminClient admin;

	/** @param listeners this service's listener containers, or {@code null} when it has none */
	public KafkaHealthIndicator(Map<String, Object> adminConfig, KafkaListenerEndpointRegistry listeners,
			Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = new HashMap<>(adminConfig);
		this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.listeners = listeners;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		return Mono.fromCompletionStage(cluster.nodes().toCompletionStage())
			.timeout(this.timeout)
			.map(nodes -> {
				Map<String, Boolean> running = runningListeners();
				boolean allRunning = !running.containsValue(false);
				builder.status(allRunning ? Status.UP : Status.DOWN).withDetail("nodes", nodes.size());
				if (!running.isEmpty()) {
					builder.withDetail("listeners", running);
				}
				return builder.build();
			});
	}

	private Map<String, Boolean> runningListeners() {
		Map<String, Boolean> running = new TreeMap<>();
		if (this.listeners != null) {
			for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
				running.put(container.getListenerId(), container.isRunning());
			}
		}
		return running;
	}

	private synchronized AdminClient admin() {
		if (this.admin == null) {
			this.admin = AdminClient.create(this.adminConfig);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}

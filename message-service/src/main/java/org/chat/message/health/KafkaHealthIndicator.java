package org.chat.message.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.chat.message.consume.MessagesListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Up when the broker answers and the chat.messages listener is running. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Admin admin;

	private final KafkaListenerEndpointRegistry registry;

	private final Duration timeout;

	public KafkaHealthIndicator(Admin admin, KafkaListenerEndpointRegistry registry, Duration timeout) {
		super("Kafka health check failed");
		this.admin = admin;
		this.registry = registry;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int millis = (int) this.timeout.toMillis();
		String clusterId = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
			.clusterId()
			.get(millis, TimeUnit.MILLISECONDS);
		MessageListenerContainer listener = this.registry.getListenerContainer(MessagesListener.ID);
		boolean running = listener != null && listener.isRunning();
		builder.status(running ? Status.UP : Status.DOWN)
			.withDetail("clusterId", clusterId)
			.withDetail("listenerRunning", running);
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}

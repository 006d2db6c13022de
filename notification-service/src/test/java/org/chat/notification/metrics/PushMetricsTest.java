package org.chat.notification.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PushMetricsTest {

	@Test
	void eachSkipReasonCountsOnItsOwnCounter() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		PushMetrics metrics = new PushMetrics(registry);

		metrics.skipped("delivered");
		metrics.skipped("read");
		metrics.skipped("delivered");

		assertThat(registry.get("chat.push.skipped").tag("reason", "delivered").counter().count()).isEqualTo(2);
		assertThat(registry.get("chat.push.skipped").tag("reason", "read").counter().count()).isEqualTo(1);
	}

}

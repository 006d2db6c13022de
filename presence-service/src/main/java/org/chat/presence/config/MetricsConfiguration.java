package org.chat.presence.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.chat.chassis.periodic.PeriodicTask;
import org.chat.presence.metrics.OnlineUsersGauge;
import org.chat.presence.metrics.PresenceMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The service's meters; the online-users gauge refreshes at the sweep interval. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

	@Bean
	PresenceMetrics presenceMetrics(MeterRegistry meters) {
		return new PresenceMetrics(meters);
	}

	@Bean
	OnlineUsersGauge onlineUsersGauge(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
		return new OnlineUsersGauge(redis, meters);
	}

	@Bean
	PeriodicTask onlineUsersGaugeTask(OnlineUsersGauge gauge, PresenceProperties properties) {
		return new PeriodicTask("online users gauge", properties.sweep().interval(), gauge::refresh);
	}

}

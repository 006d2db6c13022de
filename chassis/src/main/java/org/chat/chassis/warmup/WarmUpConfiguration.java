package org.chat.chassis.warmup;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the service's {@link WarmUp} beans before readiness goes UP ({@link WarmUpRunner}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmUpProperties.class)
public class WarmUpConfiguration {

	@Bean
	WarmUpRunner warmUpRunner(ObjectProvider<WarmUp> warmUps, WarmUpProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new WarmUpRunner(warmUps.orderedStream().toList(), properties, meters.getIfAvailable());
	}

}

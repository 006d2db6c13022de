package org.chat.presence.warmup;

import org.chat.chassis.warmup.WarmUpConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The presence-service's warm-up, run before readiness by the chassis ({@link WarmUpConfiguration}). */
@Configuration(proxyBeanMethods = false)
@Import(WarmUpConfiguration.class)
class PresenceWarmUpConfiguration {

	@Bean
	PresenceWarmUp presenceWarmUp(ReactiveStringRedisTemplate redis) {
		return new PresenceWarmUp(redis);
	}

}

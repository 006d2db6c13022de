package org.chat.chassis.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/** The {@code redis} health contributor; the bean name makes Boot's own indicator back off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class RedisHealthConfiguration {

	@Bean
	RedisHealthIndicator redisHealthIndicator(ReactiveRedisConnectionFactory connections, HealthProperties health) {
		return new RedisHealthIndicator(connections, health.timeout());
	}

}

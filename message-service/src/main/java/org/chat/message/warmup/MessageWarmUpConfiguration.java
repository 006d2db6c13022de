package org.chat.message.warmup;

import org.chat.chassis.warmup.WarmUpConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The message-service's warm-up, run before readiness by the chassis ({@link WarmUpConfiguration}). */
@Configuration(proxyBeanMethods = false)
@Import(WarmUpConfiguration.class)
class MessageWarmUpConfiguration {

	@Bean
	MessageWarmUp messageWarmUp() {
		return new MessageWarmUp();
	}

}

package org.chat.message.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** chat.messages as the service binds it: its application.yml loaded the way Boot loads it. */
class MessagesPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enable.class);

	@Test
	void theServiceRunsWithTheDocumentedDefaults() {
		this.runner.run(context -> assertThat(context.getBean(MessagesProperties.class)).satisfies(p -> {
			assertThat(p.partitions()).isEqualTo(12);
			assertThat(p.historyDefaultLimit()).isEqualTo(50);
			assertThat(p.historyMaxLimit()).isEqualTo(100);
			assertThat(p.syncPageSize()).isEqualTo(100);
			assertThat(p.replicationFactor()).isEqualTo(1);
			assertThat(p.fanoutTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(p.queryDeadline()).isEqualTo(Duration.ofSeconds(10));
		}));
	}

	@Test
	void rejectsInvalidValues() {
		this.runner.withPropertyValues("chat.messages.partitions=0").run(context -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("chat.messages.history-default-limit=200")
			.run(context -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("chat.messages.replication-factor=0")
			.run(context -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MessagesProperties.class)
	static class Enable {

	}

}

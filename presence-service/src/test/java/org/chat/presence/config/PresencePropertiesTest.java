package org.chat.presence.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * chat.presence as the service binds it (its application.yml loaded the way Boot loads it), with the defaults of
 * docs/PRESENCE.md, and refusing settings that would break the timings.
 */
class PresencePropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enable.class);

	@Test
	void theServiceRunsWithTheDocumentedDefaults() {
		this.runner.run(context -> assertThat(context.getBean(PresenceProperties.class)).satisfies(p -> {
			assertThat(p.partitions()).isEqualTo(12);
			assertThat(p.replicationFactor()).isEqualTo(1);
			assertThat(p.tombstoneTtl()).isEqualTo(Duration.ofHours(6));
			assertThat(p.sweep().interval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(p.redisCheckInterval()).isEqualTo(Duration.ofSeconds(2));
			assertThat(p.userList().window()).isEqualTo(Duration.ofMillis(250));
			assertThat(p.userList().cap()).isEqualTo(1000);
			assertThat(p.typing().timeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(p.typing().pollInterval()).isEqualTo(Duration.ofMillis(500));
		}));
	}

	@Test
	void overrides() {
		this.runner.withPropertyValues("chat.presence.user-list.cap=50", "chat.presence.sweep.interval=1s")
			.run(context -> assertThat(context.getBean(PresenceProperties.class)).satisfies(p -> {
				assertThat(p.userList().cap()).isEqualTo(50);
				assertThat(p.sweep().interval()).isEqualTo(Duration.ofSeconds(1));
			}));
	}

	@Test
	void rejectsAZeroWindowANegativeTimeoutAZeroCapAndNoPartitions() {
		for (String invalid : new String[] { "chat.presence.user-list.window=0ms", "chat.presence.typing.timeout=-1s",
				"chat.presence.user-list.cap=0", "chat.presence.partitions=0" }) {
			this.runner.withPropertyValues(invalid)
				.run(context -> assertThat(context).as(invalid)
					.getFailure()
					.hasRootCauseInstanceOf(BindValidationException.class));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PresenceProperties.class)
	static class Enable {

	}

}

package org.chat.presence.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** chat.presence binds with documented defaults and rejects settings that would break the timings. */
class PresencePropertiesTest {

	@Test
	void defaults() {
		PresenceProperties p = bind(Map.of());
		assertThat(p.partitions()).isEqualTo(12);
		assertThat(p.sweep().interval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(p.userList().window()).isEqualTo(Duration.ofMillis(250));
		assertThat(p.userList().cap()).isEqualTo(1000);
		assertThat(p.typing().timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(p.typing().pollInterval()).isEqualTo(Duration.ofMillis(500));
		assertThat(p.tombstoneTtl()).isEqualTo(Duration.ofHours(6));
	}

	@Test
	void overrides() {
		PresenceProperties p = bind(Map.of("chat.presence.user-list.cap", "50", "chat.presence.sweep.interval", "1s"));
		assertThat(p.userList().cap()).isEqualTo(50);
		assertThat(p.sweep().interval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void rejectsAZeroWindowANegativeTimeoutAndAZeroCap() {
		assertThatThrownBy(() -> bind(Map.of("chat.presence.user-list.window", "0ms")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("chat.presence.typing.timeout", "-1s"))).isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("chat.presence.user-list.cap", "0"))).isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("chat.presence.partitions", "0"))).isInstanceOf(BindException.class);
	}

	private static PresenceProperties bind(Map<String, String> properties) {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		try {
			return new Binder(new MapConfigurationPropertySource(properties))
				.bindOrCreate("chat.presence", Bindable.of(PresenceProperties.class),
						new ValidationBindHandler(validator));
		}
		finally {
			validator.close();
		}
	}

}

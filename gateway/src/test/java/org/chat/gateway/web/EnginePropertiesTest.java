package org.chat.gateway.web;

import java.time.Duration;

import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** chat.engine as the gateway binds it: its application.yml loaded the way Boot loads it. */
class EnginePropertiesTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EngineProperties.class)
	static class Config {

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void theGatewayRunsWithTheReferenceServersDefaults() {
		runner.run(context -> {
			EngineSettings settings = context.getBean(EngineProperties.class).toSettings();
			assertThat(context.getBean(EngineProperties.class).path()).isEqualTo("/socket.io/");
			assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(25));
			assertThat(settings.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
			assertThat(settings.maxPayload()).isEqualTo(1_000_000);
			assertThat(settings.transports()).containsExactlyInAnyOrder(TransportKind.WEBSOCKET, TransportKind.POLLING);
			assertThat(context.getBean(EngineProperties.class).connectTimeout()).isEqualTo(Duration.ofSeconds(45));
			assertThat(settings.maxConnectionsPerAddress()).isEqualTo(1000);
			assertThat(settings.outboundQueueBytes()).isEqualTo(4L * 1024 * 1024);
		});
	}

	@Test
	void bindsCustomValues() {
		runner.withPropertyValues("chat.engine.path=/io/", "chat.engine.ping-interval=300ms",
				"chat.engine.transports=websocket", "chat.engine.cors-origins=https://a.test,https://b.test",
				"chat.engine.outbound-queue-bytes=16MB")
			.run(context -> {
				EngineProperties properties = context.getBean(EngineProperties.class);
				assertThat(properties.path()).isEqualTo("/io/");
				assertThat(properties.pingInterval()).isEqualTo(Duration.ofMillis(300));
				assertThat(properties.transports()).containsExactly(TransportKind.WEBSOCKET);
				assertThat(properties.corsOrigins()).containsExactly("https://a.test", "https://b.test");
				assertThat(properties.toSettings().outboundQueueBytes()).isEqualTo(16L * 1024 * 1024);
			});
	}

	@Test
	void rejectsInvalidValues() {
		for (String invalid : new String[] { "chat.engine.path=socket.io", "chat.engine.ping-interval=0s",
				"chat.engine.ping-timeout=-1s", "chat.engine.max-payload=10", "chat.engine.outbound-queue-size=1",
				"chat.engine.transports=carrier-pigeon", "chat.engine.cors-origins=",
				"chat.engine.max-connections-per-address=-1", "chat.engine.outbound-queue-bytes=1KB" }) {
			runner.withPropertyValues(invalid).run(context -> assertThat(context).as(invalid).hasFailed());
		}
	}

}

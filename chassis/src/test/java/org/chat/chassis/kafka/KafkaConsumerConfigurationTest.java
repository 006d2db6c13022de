package org.chat.chassis.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.chat.chassis.instance.InstanceProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConsumerConfigurationTest {

	private static final ConsumerProperties DEFAULTS = new ConsumerProperties(500, 1, Duration.ofSeconds(30),
			Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(3));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enable.class);

	@Test
	void cooperativeStickyAssignmentAShortSessionAndNoAutoCommit() {
		Map<String, Object> config = KafkaConsumerConfiguration.consumerConfig(
				Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true, ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16384),
				DEFAULTS, new InstanceProperties(null));

		assertThat(config).containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
				CooperativeStickyAssignor.class.getName())
			.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10000)
			.containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3000)
			.containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
			.containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16384)
			.doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
	}

	@Test
	void anInstanceIdMakesTheConsumerAStaticMember() {
		Map<String, Object> config = KafkaConsumerConfiguration.consumerConfig(Map.of(), DEFAULTS,
				new InstanceProperties("message-service-7d9f-2"));

		assertThat(config).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "message-service-7d9f-2");
	}

	@Test
	void theInstanceIdComesFromChatInstanceIdInTheEnvironment() {
		this.runner.withInitializer(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CHAT_INSTANCE_ID", "presence-service-0"))))
			.run(context -> assertThat(context.getBean(InstanceProperties.class).id()).isEqualTo("presence-service-0"));
		this.runner.run(context -> assertThat(context.getBean(InstanceProperties.class).hasId()).isFalse());
	}

	@Test
	void defaultsAndValidation() {
		this.runner.run(context -> assertThat(context.getBean(ConsumerProperties.class)).isEqualTo(DEFAULTS));
		this.runner.withPropertyValues("chat.kafka.consumer.heartbeat-interval=4s")
			.run(context -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("chat.kafka.consumer.max-records=0").run(context -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("chat.instance.id=has space").run(context -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ConsumerProperties.class, InstanceProperties.class })
	static class Enable {

	}

}

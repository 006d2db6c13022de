package org.chat.chassis.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaProducerConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class));

	@Test
	void bootsTemplateReportsFailedRecordsThrottledInsteadOfOneErrorEach() {
		this.runner.withUserConfiguration(KafkaProducerConfiguration.class).run(context -> {
			assertThat(context).doesNotHaveBean(LoggingProducerListener.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(KafkaTemplate.class), "producerListener"))
				.isInstanceOf(ThrottledProducerListener.class);
		});
	}

	@Test
	void withoutItBootLogsEveryFailedRecord() {
		// what the configuration replaces: the reason it exists
		this.runner.run(context -> assertThat(context.getBean(ProducerListener.class))
			.isInstanceOf(LoggingProducerListener.class));
	}

}

package org.chat.gateway.kafka;

import java.util.Map;

import org.chat.chassis.kafka.ThrottledProducerListener;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigurationTest {

	@Test
	void theEnvelopeTemplateLogsFailedRecordsThrottled() {
		var template = new KafkaConfiguration().chatKafkaTemplate(new DefaultKafkaProducerFactory<>(Map.of()));

		assertThat(ReflectionTestUtils.getField(template, "producerListener"))
			.isInstanceOf(ThrottledProducerListener.class);
	}

}

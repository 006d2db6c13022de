package org.chat.message.consume;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The batch listener. It returns only when the whole batch is processed, and the container commits the
 * offsets after that (at-least-once). A failure or timeout throws, and the container retries the batch.
 */
public class MessagesListener {

	public static final String ID = "message-service";

	private final BatchProcessor processor;

	private final Duration timeout;

	private final Timer batchTime;

	private final DistributionSummary batchSize;

	public MessagesListener(BatchProcessor processor, Duration timeout, MeterRegistry meters) {
		this.processor = processor;
		this.timeout = timeout;
		this.batchTime = Timer.builder("chat.messages.batch.time")
			.description("time to process one polled batch of chat.messages")
			.register(meters);
		this.batchSize = DistributionSummary.builder("chat.messages.batch.size")
			.description("records per polled batch of chat.messages")
			.register(meters);
	}

	@KafkaListener(id = ID, topics = Topics.MESSAGES, groupId = Topics.MESSAGE_SERVICE_GROUP, batch = "true")
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		this.batchSize.record(records.size());
		this.batchTime.record(() -> this.processor.process(records).block(this.timeout));
	}

}

package org.chat.message.consume;

import java.time.Duration;
import java.util.List;

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

	public MessagesListener(BatchProcessor processor, Duration timeout) {
		this.processor = processor;
		this.timeout = timeout;
	}

	@KafkaListener(id = ID, topics = Topics.MESSAGES, groupId = Topics.MESSAGE_SERVICE_GROUP,
			containerFactory = "messagesContainerFactory", batch = "true")
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		this.processor.process(records).block(this.timeout);
	}

}

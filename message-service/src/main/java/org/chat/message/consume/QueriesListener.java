package org.chat.message.consume;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Flux;

/**
 * The query listener, on its own topic and consumer group: a reconnecting client's sync is answered while a
 * backlog of message traffic waits on {@link Topics#MESSAGES}. Queries change nothing, so a batch's queries run
 * concurrently and a redelivery only answers again.
 */
public class QueriesListener {

	public static final String ID = "message-service-queries";

	/** Queries of one batch in flight at once: each is a few lookups by {@code _id}. */
	private static final int CONCURRENCY = 32;

	private final RecordDispatcher dispatcher;

	private final Duration timeout;

	public QueriesListener(RecordDispatcher dispatcher, Duration timeout) {
		this.dispatcher = dispatcher;
		this.timeout = timeout;
	}

	@KafkaListener(id = ID, topics = Topics.QUERIES, groupId = Topics.MESSAGE_QUERIES_GROUP,
			containerFactory = "messagesContainerFactory", batch = "true")
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		Flux.fromIterable(RecordDecoder.decode(records))
			.flatMap(this.dispatcher::dispatch, CONCURRENCY)
			.then()
			.block(this.timeout);
	}

}

package org.chat.message.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.chat.contracts.ConversationId;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.SendMessage;
import org.chat.message.consume.MessagesListener;
import org.chat.message.store.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages persisted per second: N sends (-Dbench.messages, default 20000) over many conversations are
 * queued in Kafka while the listener is paused, then the listener resumes and the clock runs until all of
 * them are stored (bulk inserts, counters, routing lookups included). Prints the figure; asserts only that
 * every message arrived once.
 */
class PersistBenchmarkIT extends ServiceIT {

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void messagesPersistedPerSecond() throws Exception {
		int total = Integer.getInteger("bench.messages", 20_000);
		int users = 200;
		String run = unique("bench");
		var container = this.listeners.getListenerContainer(MessagesListener.ID);
		container.pause();
		List<Future<RecordMetadata>> acks = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			String from = run + "-u" + (i % users);
			String to = run + "-u" + ((i * 7 + 1) % users);
			SessionRef session = new SessionRef(from, "s", "gw-bench", 1);
			Envelope send = Envelope.of(EventType.MESSAGE_SEND, run + "-e" + i, session,
					new SendMessage(run + "-m" + i, to, "benchmark message " + i, null, Instant.now()));
			acks.add(producer().send(new ProducerRecord<>(Topics.MESSAGES, ConversationId.of(from, to), send.toBytes())));
		}
		for (Future<RecordMetadata> ack : acks) {
			ack.get(60, TimeUnit.SECONDS);
		}

		long start = System.nanoTime();
		container.resume();
		long stored = 0;
		while (stored < total && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
			Thread.sleep(250);
			stored = count(run);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("[PersistBenchmark] %d messages persisted in %.2f s: %.0f messages/s (batches of up to %s, "
				+ "Mongo %s)%n", stored, seconds, stored / seconds, System.getProperty("chat.kafka.consumer.max-records", "500"),
				this.mongo.getMongoDatabase().map(db -> db.getName()).block(WAIT));
		assertThat(stored).isEqualTo(total);
	}

	private long count(String run) {
		return this.mongo.getCollection(StoredMessage.COLLECTION)
			.flatMap(c -> Mono.from(c.countDocuments(Filters.regex(StoredMessage.ID, "^" + run + "-m"))))
			.block(WAIT);
	}

}

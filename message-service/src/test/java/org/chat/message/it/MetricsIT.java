package org.chat.message.it;

import java.time.Instant;
import java.util.UUID;

import org.chat.contracts.ConversationId;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.SendMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} carries the service's meters and the Kafka consumer's lag. */
class MetricsIT extends ServiceIT {

	@LocalManagementPort
	int port;

	@Test
	void scrapeHasServiceMetersAndConsumerLag() throws Exception {
		String alice = unique("alice");
		String bob = unique("bob");
		// alice is online on a gateway nobody listens to: the publish succeeds, the lookup finds her
		online(alice, "a-s1", unique("gw-a"));
		SessionRef session = new SessionRef(alice, "a-s1", unique("gw-a"), 1);
		String id = UUID.randomUUID().toString();
		byte[] record = Envelope.of(EventType.MESSAGE_SEND, UUID.randomUUID().toString(), session,
				new SendMessage(id, bob, "hi", "c1", Instant.now())).toBytes();
		produce(ConversationId.of(alice, bob), record);
		produce(ConversationId.of(alice, bob), record);

		String scrape = awaitScrape("chat_messages_duplicates_total");

		assertThat(scrape).contains("# TYPE chat_messages_stored_total counter",
				"# TYPE chat_messages_duplicates_total counter", "chat_messages_fanout_failures_total{stage=\"lookup\"}",
				"chat_messages_fanout_failures_total{stage=\"publish\"}", "chat_messages_batch_time_seconds_count",
				"chat_messages_batch_size_count", "kafka_consumer_fetch_manager_records_lag_max");
		assertThat(value(scrape, "chat_messages_stored_total")).isGreaterThanOrEqualTo(1);
	}

	/** Scrapes until {@code counter} is above zero (the batch with the duplicate has been processed). */
	private String awaitScrape(String counter) throws InterruptedException {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		long deadline = System.nanoTime() + WAIT.toNanos();
		String scrape;
		do {
			scrape = client.get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class).block(WAIT);
			if (value(scrape, counter) > 0) {
				return scrape;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		return scrape;
	}

	private static double value(String scrape, String name) {
		return scrape.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}

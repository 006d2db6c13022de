package org.chat.gateway.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MarkRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class KafkaEnvelopePublisherTest {

	private static final SessionRef ALICE = new SessionRef("alice", "s1", "gw", 1);

	private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
			new ByteArraySerializer());

	private final KafkaEnvelopePublisher publisher = new KafkaEnvelopePublisher(
			new KafkaTemplate<>(new MockProducerFactory<>(() -> this.producer)),
			new ChatKafkaProperties(Duration.ofMillis(3), Duration.ofSeconds(2), Duration.ofSeconds(4),
					Duration.ofSeconds(1), 10));

	@AfterEach
	void close() {
		this.publisher.destroy();
	}

	@Test
	void sendsToTheTopicOfTheTypeInCallOrderAndCompletesOnTheBrokersAck() throws Exception {
		Envelope opened = Envelope.of(EventType.SESSION_OPENED, "e1", ALICE, null);
		Envelope read = Envelope.of(EventType.MESSAGES_READ, "e2", ALICE, new MarkRead("bob"));
		CompletableFuture<Void> first = this.publisher.publish("alice", opened);
		CompletableFuture<Void> second = this.publisher.publish("alice:bob", read);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.producer.history().size() == 2);
		List<ProducerRecord<String, byte[]>> history = this.producer.history();
		assertThat(history).extracting(ProducerRecord::topic).containsExactly(Topics.PRESENCE, Topics.MESSAGES);
		assertThat(history).extracting(ProducerRecord::key).containsExactly("alice", "alice:bob");
		assertThat(Envelope.fromBytes(history.get(1).value())).isEqualTo(read);
		assertThat(history).extracting(record -> new String(record.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(),
				StandardCharsets.UTF_8)).containsExactly("session.opened", "message.read");
		assertThat(first).isNotDone();
		this.producer.completeNext();
		first.get(5, TimeUnit.SECONDS);
		this.producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no broker"));
		Throwable failure = catchThrowable(() -> second.get(5, TimeUnit.SECONDS));
		assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(KafkaUnavailable.class);
	}

	@Test
	void aProducerThatThrowsIsUnavailable() {
		this.producer.close();
		CompletableFuture<Void> future = this.publisher.publish("alice", Envelope.of(EventType.TYPING, "e", ALICE, null));
		Throwable failure = catchThrowable(() -> future.get(5, TimeUnit.SECONDS));
		assertThat(failure).cause().isInstanceOf(KafkaUnavailable.class);
	}

	@Test
	void aFullSendQueueFailsAtOnceInsteadOfBlockingTheCaller() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch entered = new CountDownLatch(1);
		MockProducer<String, byte[]> stuck = new MockProducer<>(true, null, new StringSerializer(),
				new ByteArraySerializer()) {
			@Override
			public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
					ProducerRecord<String, byte[]> record, org.apache.kafka.clients.producer.Callback callback) {
				entered.countDown();
				try {
					release.await(); // like max.block.ms waiting for metadata of a dead broker
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return super.send(record, callback);
			}

			@Override
			public void close(Duration timeout) {
				// the template closes its producer after each send; this one is reused
			}
		};
		KafkaEnvelopePublisher blocked = new KafkaEnvelopePublisher(
				new KafkaTemplate<>(new MockProducerFactory<>(() -> stuck)),
				new ChatKafkaProperties(Duration.ofMillis(3), Duration.ofSeconds(2), Duration.ofSeconds(4),
						Duration.ofSeconds(1), 10));
		try {
			List<CompletableFuture<Void>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 12; i++) { // 1 in the sender thread, 10 queued, 1 refused
				futures.add(blocked.publish("alice", Envelope.of(EventType.TYPING, "e" + i, ALICE, null)));
				if (i == 0) {
					assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
				}
			}
			CompletableFuture<Void> refused = futures.get(11);
			assertThat(refused).isCompletedExceptionally();
			assertThat(catchThrowable(refused::join)).cause().isInstanceOf(KafkaUnavailable.class).hasMessageContaining("queue full");
			release.countDown();
			CompletableFuture.allOf(futures.subList(0, 11).toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			blocked.destroy();
		}
	}

}

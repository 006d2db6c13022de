package org.chat.notification.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.chat.notification.config.PushProperties;
import org.chat.notification.job.PushJob;
import org.chat.notification.metrics.PushMetrics;
import org.chat.notification.settings.Device;
import org.chat.notification.settings.PushUser;
import org.chat.notification.settings.PushUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** The decider's interleavings, forced: receipts racing the store read, broker acks holding the commit. */
class PushDeciderTest {

	private static final TopicPartition P = new TopicPartition("chat.messages", 0);

	private static final Device PHONE = new Device("phone", "apns", "ab".repeat(32), null, null, null);

	private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService deciders = Executors.newFixedThreadPool(2);

	private final CountDownLatch reading = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile boolean blockReads;

	private final List<ProducerRecord<String, byte[]>> produced = new CopyOnWriteArrayList<>();

	private final List<CompletableFuture<SendResult<String, byte[]>>> acks = new CopyOnWriteArrayList<>();

	/** The user ids of each store read, in order. */
	private final List<List<String>> reads = new CopyOnWriteArrayList<>();

	private final PushUsers users = new PushUsers(null) {
		@Override
		public Map<String, PushUser> findAll(Collection<String> userIds) {
			PushDeciderTest.this.reads.add(List.copyOf(userIds));
			if (PushDeciderTest.this.blockReads) {
				PushDeciderTest.this.reading.countDown();
				await(PushDeciderTest.this.release);
			}
			return userIds.stream()
				.collect(Collectors.toMap(id -> id, id -> new PushUser(id, List.of(PHONE), true, Set.of())));
		}
	};

	private final KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(() -> {
		throw new UnsupportedOperationException("sends are recorded, not produced");
	}) {
		@Override
		public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
			PushDeciderTest.this.produced.add(record);
			CompletableFuture<SendResult<String, byte[]>> ack = new CompletableFuture<>();
			PushDeciderTest.this.acks.add(ack);
			return ack;
		}
	};

	/** A send as a poll of one record hands it to the decider: registered, then its recipient looked up. */
	private static void send(PushDecider decider, TopicPartition partition, long offset, String sender,
			String recipient, String messageId, String text, Instant createdAt) {
		PendingPush push = decider.register(partition, offset, sender, recipient, messageId, text, createdAt);
		if (push != null) {
			decider.lookUpSessions(List.of(push));
		}
	}

	@AfterEach
	void stop() {
		this.timers.shutdownNow();
		this.deciders.shutdownNow();
	}

	@Test
	void aReceiptArrivingWhileTheStoreIsReadCancelsThePush() throws Exception {
		PushDecider decider = decider(Map.of("gw-1", Set.of("bob")));
		this.blockReads = true;
		decider.offsets.consumed(P, 7);
		send(decider, P, 7, "alice", "bob", "m1", "hi", Instant.now().minusSeconds(10));
		assertThat(this.reading.await(5, TimeUnit.SECONDS)).as("the decision is reading the store").isTrue();

		decider.onDelivered("bob", "m1");
		this.release.countDown();
		drain();

		assertThat(this.produced).isEmpty();
		assertThat(decider.pendingCount()).isZero();
		assertThat(decider.offsets.committable(null)).isEqualTo(Map.of(P, new OffsetAndMetadata(8)));
	}

	@Test
	void decisionsThatComeDueWhileTheStoreIsReadShareTheNextRead() throws Exception {
		PushDecider decider = decider(Map.of());
		this.blockReads = true;
		send(decider, P, 1, "alice", "bob", "m1", "1", Instant.now());
		assertThat(this.reading.await(5, TimeUnit.SECONDS)).as("the first decision is reading the store").isTrue();
		send(decider, P, 2, "alice", "carol", "m2", "2", Instant.now());
		send(decider, P, 3, "bob", "carol", "m3", "3", Instant.now());
		send(decider, P, 4, "alice", "dave", "m4", "4", Instant.now());
		awaitQueued(decider, 3);

		this.release.countDown();
		awaitProduced(4);

		assertThat(this.reads).containsExactly(List.of("bob"), List.of("carol", "dave"));
		assertThat(this.produced).extracting(ProducerRecord::key).containsExactly("bob", "carol", "carol", "dave");
	}

	@Test
	void aReceiptOfAnotherRecipientDoesNotCancel() throws Exception {
		PushDecider decider = decider(Map.of());
		decider.offsets.consumed(P, 1);
		decider.onDelivered("mallory", "m1"); // before the send: nothing to cancel
		send(decider, P, 1, "alice", "bob", "m1", "hi", Instant.now());
		decider.onDelivered("mallory", "m1");
		awaitProduced(1);
		assertThat(this.produced.get(0).key()).isEqualTo("bob");
	}

	@Test
	void theCommitWaitsForTheBrokersAckOfTheJobsAndARefusalDecidesAgainWithTheSameJob() throws Exception {
		PushDecider decider = decider(Map.of());
		decider.offsets.consumed(P, 3);
		send(decider, P, 3, "alice", "bob", "m1", "hi", Instant.now());
		awaitProduced(1);
		assertThat(decider.offsets.committable(null)).isEqualTo(Map.of(P, new OffsetAndMetadata(3)));

		this.acks.get(0).completeExceptionally(new IllegalStateException("broker down"));
		awaitProduced(2);
		assertThat(decider.offsets.committable(null)).isEqualTo(Map.of(P, new OffsetAndMetadata(3)));
		assertThat(PushJob.fromBytes(this.produced.get(1).value()).jobId())
			.isEqualTo(PushJob.fromBytes(this.produced.get(0).value()).jobId());

		this.acks.get(1).complete(null);
		assertThat(decider.offsets.committable(null)).isEqualTo(Map.of(P, new OffsetAndMetadata(4)));
	}

	@Test
	void aReadCancelsEveryPendingMessageOfThatSenderOnly() throws Exception {
		PushDecider decider = decider(Map.of("gw-1", Set.of("bob")), Duration.ofMinutes(5));
		send(decider, P, 1, "alice", "bob", "m1", "1", Instant.now());
		send(decider, P, 2, "alice", "bob", "m2", "2", Instant.now());
		send(decider, P, 3, "carol", "bob", "m3", "3", Instant.now());
		awaitPending(decider, 3);
		decider.onRead(P, 4, "bob", "alice");
		assertThat(decider.pendingCount()).isEqualTo(1);
	}

	private PushDecider decider(Map<String, Set<String>> sessions) {
		return decider(sessions, Duration.ZERO);
	}

	private PushDecider decider(Map<String, Set<String>> sessions, Duration grace) {
		PushProperties defaults = new PushProperties(grace, Duration.ZERO, 30, 1, (short) 1, 1, Duration.ofSeconds(1),
				new PushProperties.Retry(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1)),
				new PushProperties.WebPush(null, null, "mailto:x@y", Duration.ofHours(1), false),
				new PushProperties.Apns(null, null, null, null, "localhost", 443, null),
				new PushProperties.Fcm(null, "http://localhost"));
		SessionLookup withSessions = users -> Mono
			.just(sessions.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
		return new PushDecider(defaults, this.users, withSessions, this.kafka,
				new PushMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), this.timers, this.deciders);
	}

	private void drain() throws InterruptedException {
		// timers first (they hand decisions to the deciders), then the deciders
		this.timers.shutdown();
		this.timers.awaitTermination(5, TimeUnit.SECONDS);
		this.deciders.shutdown();
		this.deciders.awaitTermination(5, TimeUnit.SECONDS);
	}

	private void awaitProduced(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.produced.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.produced).hasSize(count);
	}

	private static void awaitQueued(PushDecider decider, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (decider.dueCount() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(decider.dueCount()).isEqualTo(count);
	}

	private static void awaitPending(PushDecider decider, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (decider.pendingCount() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(decider.pendingCount()).isEqualTo(count);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

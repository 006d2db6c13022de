package org.chat.notification.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SendMessage;
import org.chat.notification.config.PushProperties;
import org.chat.notification.metrics.PushMetrics;
import org.chat.notification.settings.Device;
import org.chat.notification.settings.PushUser;
import org.chat.notification.settings.PushUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** A poll's records through the consumer: decoded, their sends' sessions looked up together, then committed. */
class MessageLogConsumerTest {

	private static final TopicPartition P = new TopicPartition(Topics.MESSAGES, 0);

	private static final Duration GRACE = Duration.ofMinutes(5);

	private static final Device PHONE = new Device("phone", "apns", "ab".repeat(32), null, null, null);

	/** Records the delay of every decision it is given, in order; runs none before its time. */
	private final RecordingTimers timers = new RecordingTimers();

	private final ExecutorService deciders = Executors.newSingleThreadExecutor();

	private final List<Collection<String>> lookups = new CopyOnWriteArrayList<>();

	private final List<ProducerRecord<String, byte[]>> produced = new CopyOnWriteArrayList<>();

	private final MockConsumer<String, byte[]> kafka = new MockConsumer<>(AutoOffsetResetStrategy.LATEST.name());

	private long offset;

	@BeforeEach
	void assign() {
		this.kafka.assign(List.of(P)); // MockConsumer reports commits of assigned partitions only
	}

	@AfterEach
	void stop() {
		this.timers.shutdownNow();
		this.deciders.shutdownNow();
	}

	@Test
	void aPollsSendsShareOneSessionLookupAndEachWaitsAsItsOwnRecipientNeeds() throws Exception {
		MessageLogConsumer consumer = consumer(users -> Mono.just(Set.of("bob")), Duration.ofSeconds(1));

		consumer.process(this.kafka, poll(send("alice", "bob", "m1"), send("alice", "carol", "m2"),
				record("dave", EventType.PROFILE_UPDATE, new Profile("Dave", null, null)), send("erin", "bob", "m3"),
				send("alice", "alice", "m4")));

		assertThat(this.lookups).hasSize(1);
		assertThat(Set.copyOf(this.lookups.get(0))).containsExactlyInAnyOrder("bob", "carol");
		assertThat(this.timers.delays).hasSize(3);
		assertThat(this.timers.delays.get(0)).as("bob has a session: the grace").isGreaterThan(GRACE.minusSeconds(10));
		assertThat(this.timers.delays.get(1)).as("carol has none: at once").isZero();
		assertThat(this.timers.delays.get(2)).as("bob again").isGreaterThan(GRACE.minusSeconds(10));
		awaitProduced(1);
		assertThat(this.produced.get(0).key()).isEqualTo("carol");
		assertThat(this.kafka.committed(Set.of(P))).as("held by m1 at offset 0")
			.isEqualTo(Map.of(P, new OffsetAndMetadata(0)));
	}

	@Test
	void aReceiptLaterInTheSamePollCancelsItsSendBeforeItIsLookedUp() {
		MessageLogConsumer consumer = consumer(users -> Mono.just(Set.of("bob")), Duration.ofSeconds(1));

		consumer.process(this.kafka,
				poll(send("alice", "bob", "m1"), record("bob", EventType.MESSAGE_DELIVERED, new MessageDelivered("m1", "alice"))));

		assertThat(this.timers.delays).as("no deadline: decided by the receipt").isEmpty();
		assertThat(this.kafka.committed(Set.of(P))).isEqualTo(Map.of(P, new OffsetAndMetadata(2)));
	}

	@Test
	void aFailedLookupWaitsTheGraceForEveryRecipientEvenOneWithoutSessions() {
		MessageLogConsumer consumer = consumer(users -> Mono.error(new IllegalStateException("redis down")),
				Duration.ofSeconds(1));

		consumer.process(this.kafka, poll(send("alice", "bob", "m1"), send("alice", "carol", "m2")));

		assertThat(this.timers.delays).hasSize(2).allSatisfy(delay -> assertThat(delay).isGreaterThan(GRACE.minusSeconds(10)));
		assertThat(this.produced).isEmpty();
	}

	@Test
	void aSlowLookupWaitsTheGraceToo() throws Exception {
		MessageLogConsumer consumer = consumer(users -> Mono.never(), Duration.ofMillis(20));

		consumer.process(this.kafka, poll(send("alice", "carol", "m1")));

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.timers.delays.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.timers.delays).singleElement().satisfies(delay -> assertThat(delay).isGreaterThan(GRACE.minusSeconds(10)));
	}

	private MessageLogConsumer consumer(Function<Collection<String>, Mono<Set<String>>> sessions,
			Duration presenceTimeout) {
		PushProperties properties = new PushProperties(GRACE, Duration.ZERO, 30, 1, (short) 1, 1, presenceTimeout,
				new PushProperties.Retry(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1)),
				new PushProperties.WebPush(null, null, "mailto:x@y", Duration.ofHours(1), false),
				new PushProperties.Apns(null, null, null, null, "localhost", 443, null),
				new PushProperties.Fcm(null, "http://localhost"));
		PushUsers users = new PushUsers(null) {
			@Override
			public Map<String, PushUser> findAll(Collection<String> userIds) {
				return userIds.stream()
					.collect(Collectors.toMap(id -> id, id -> new PushUser(id, List.of(PHONE), true, Set.of())));
			}
		};
		KafkaTemplate<String, byte[]> jobs = new KafkaTemplate<>(() -> {
			throw new UnsupportedOperationException("sends are recorded, not produced");
		}) {
			@Override
			public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
				MessageLogConsumerTest.this.produced.add(record);
				return new CompletableFuture<>(); // never acknowledged: the commit stays held by the pushed send
			}
		};
		PushDecider decider = new PushDecider(properties, users, recipients -> {
			this.lookups.add(recipients);
			return sessions.apply(recipients);
		}, jobs, new PushMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), this.timers, this.deciders);
		return new MessageLogConsumer(null, decider);
	}

	@SafeVarargs
	private static ConsumerRecords<String, byte[]> poll(ConsumerRecord<String, byte[]>... records) {
		return new ConsumerRecords<>(Map.of(P, List.of(records)), Map.of());
	}

	private ConsumerRecord<String, byte[]> send(String sender, String recipient, String messageId) {
		return record(sender, EventType.MESSAGE_SEND,
				new SendMessage(messageId, recipient, "hi", null, Instant.now()));
	}

	/** As the gateways produce it (type header, JSON value). */
	private ConsumerRecord<String, byte[]> record(String user, EventType type, Object payload) {
		ProducerRecord<String, byte[]> produced = EnvelopeRecords.toRecord("k",
				Envelope.of(type, "e" + this.offset, new SessionRef(user, "s1", "gw-1", 1), payload));
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(P.topic(), P.partition(), this.offset++, "k",
				produced.value());
		produced.headers().forEach(record.headers()::add);
		return record;
	}

	private void awaitProduced(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.produced.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.produced).hasSize(count);
	}

	private static final class RecordingTimers extends ScheduledThreadPoolExecutor {

		final List<Duration> delays = new CopyOnWriteArrayList<>();

		RecordingTimers() {
			super(1);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			this.delays.add(Duration.of(delay, unit.toChronoUnit()));
			return super.schedule(command, delay, unit);
		}

	}

}

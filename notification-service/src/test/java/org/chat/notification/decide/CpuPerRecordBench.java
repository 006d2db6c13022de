package org.chat.notification.decide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;
import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.contracts.ConversationId;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.routing.SessionEntry;
import org.chat.infra.FreePort;
import org.chat.infra.redis.RedisBinary;
import org.chat.infra.redis.RedisServer;
import org.chat.infra.redis.RedisSettings;
import org.chat.notification.config.PushProperties;
import org.chat.notification.metrics.PushMetrics;
import org.chat.notification.settings.PushUser;
import org.chat.notification.settings.PushUsers;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A benchmark main, not a test: the decider's CPU and allocation per consumed chat.messages record in the chat
 * bench's shape. 400 users in pairs, all online (session hashes in a real redis-server, looked up with the
 * service's session lookup); every poll holds {@code bench.perPoll} sends (as the gateways produce them:
 * type header, JSON envelope) and the delivery receipts of the previous poll's sends, run through
 * {@link MessageLogConsumer#process} (a {@link MockConsumer} takes the commits) and the {@link PushDecider} with
 * the service's defaults (grace 3 s). Each run waits out the grace after its last poll so that every timer has
 * fired or been cancelled inside the measured window. Prints process CPU (redis-server is another process) and
 * bytes allocated by the JVM's threads per record. Run it as docs/NOTIFICATIONS.md shows
 * ({@code -Dbench=decide.CpuPerRecordBench}).
 */
public final class CpuPerRecordBench {

	private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);

	private static final int PER_POLL = Integer.getInteger("bench.perPoll", 16);

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	private static final int USERS = 400;

	private static final int PARTITIONS = 12;

	private static final HexFormat HEX = HexFormat.of();

	private CpuPerRecordBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("cpu-per-record-bench");
		Path binary = RedisBinary.resolve(Path.of(System.getProperty("java.io.tmpdir"), "chat-redis-bin"));
		try (RedisServer redis = RedisServer.start(binary,
				new RedisSettings(FreePort.find(), dir.resolve("redis"), false, dir.resolve("redis.log")))) {
			LettuceConnectionFactory connections = new LettuceConnectionFactory(redis.host(), redis.port());
			connections.afterPropertiesSet();
			connections.start();
			try {
				measure(new ReactiveStringRedisTemplate(connections));
			}
			finally {
				connections.destroy();
			}
		}
		System.exit(0);
	}

	private static void measure(ReactiveStringRedisTemplate redis) throws Exception {
		for (int u = 0; u < USERS; u++) {
			SessionEntry entry = new SessionEntry("gw-" + (u % 2), 1, true, System.currentTimeMillis());
			redis.opsForHash().put(PresenceKeys.sessions(user(u)), UUID.randomUUID().toString(), entry.toJson()).block();
		}
		PushProperties properties = Binder.get(new StandardEnvironment())
			.bindOrCreate("chat.push", PushProperties.class);
		ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
		ExecutorService deciders = Executors.newFixedThreadPool(4);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		PushDecider decider = new PushDecider(properties, new NoStore(), new RedisSessionLookup(redis),
				new AcceptingKafka(), new PushMetrics(meters), Clock.systemUTC(), timers, deciders);
		MessageLogConsumer consumer = new MessageLogConsumer(null, decider);
		MockConsumer<String, byte[]> kafka = new MockConsumer<>(AutoOffsetResetStrategy.LATEST.name());
		Duration settle = properties.grace().plus(properties.catchUpWait()).plusSeconds(1);
		System.out.printf("[CpuPerRecordBench] %d messages (send + receipt) per run, %d sends per poll, %d users, "
				+ "grace %s; each run waits %s after its last poll%n", MESSAGES, PER_POLL, USERS, properties.grace(),
				settle);
		long offset = 0;
		for (int warmUp = 0; warmUp < 2; warmUp++) {
			offset = (long) run(consumer, kafka, offset, settle)[2];
		}
		double[][] runs = new double[RUNS][];
		for (int i = 0; i < RUNS; i++) {
			runs[i] = run(consumer, kafka, offset, settle);
			offset = (long) runs[i][2];
			System.out.printf("  run %d: %.1f µs CPU, %.0f bytes allocated per record; %d pending, %d open offsets%n",
					i + 1, runs[i][0], runs[i][1], decider.pendingCount(), decider.offsets.openCount());
		}
		double[] cpu = Arrays.stream(runs).mapToDouble(r -> r[0]).sorted().toArray();
		double[] bytes = Arrays.stream(runs).mapToDouble(r -> r[1]).sorted().toArray();
		System.out.printf("[CpuPerRecordBench] per record (a send or a receipt): CPU median %.1f µs (min %.1f, "
				+ "max %.1f) over %d runs; allocated median %.0f bytes%n", cpu[RUNS / 2], cpu[0], cpu[RUNS - 1], RUNS,
				bytes[RUNS / 2]);
		// every decision must have been a receipt's: anything else means the bench measured another path
		meters.getMeters().forEach(meter -> System.out.printf("  %s %s%n", meter.getId(), meter.measure()));
		timers.shutdownNow();
		deciders.shutdownNow();
	}

	/** @return CPU µs per record, bytes allocated per record, the next offset */
	private static double[] run(MessageLogConsumer consumer, MockConsumer<String, byte[]> kafka, long firstOffset,
			Duration settle) throws InterruptedException {
		List<ConsumerRecords<String, byte[]>> polls = new ArrayList<>();
		long offset = firstOffset;
		int records = 0;
		List<SendMessage> previous = List.of();
		for (int i = 0; i < MESSAGES + PER_POLL; i += PER_POLL) { // the last poll: receipts only
			Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> poll = new HashMap<>();
			List<SendMessage> sends = new ArrayList<>();
			for (int j = i; j < Math.min(MESSAGES, i + PER_POLL); j++) {
				String from = user(j % USERS);
				SendMessage send = new SendMessage(HEX.formatHex(UUID.randomUUID().toString().getBytes(), 0, 12),
						partner(from), "message " + j, Integer.toString(j), Instant.now().truncatedTo(ChronoUnit.MILLIS));
				sends.add(send);
				add(poll, offset++, from, send.toUserId(), EventType.MESSAGE_SEND, send);
			}
			for (SendMessage send : previous) {
				String sender = partner(send.toUserId());
				add(poll, offset++, send.toUserId(), sender, EventType.MESSAGE_DELIVERED,
						new MessageDelivered(send.messageId(), sender));
			}
			records += sends.size() + previous.size();
			polls.add(new ConsumerRecords<>(poll, Map.of()));
			previous = sends;
		}
		long cpu0 = processCpuNanos();
		long bytes0 = allocatedBytes();
		for (ConsumerRecords<String, byte[]> poll : polls) {
			consumer.process(kafka, poll);
		}
		Thread.sleep(settle.toMillis());
		consumer.process(kafka, ConsumerRecords.empty());
		double cpuMicros = (processCpuNanos() - cpu0) / 1e3;
		double bytes = allocatedBytes() - bytes0;
		return new double[] { cpuMicros / records, bytes / records, offset };
	}

	/** As the gateways produce it (EnvelopeRecords: the type header, the JSON value), then as consumed. */
	private static void add(Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> poll, long offset, String user,
			String other, EventType type, Object payload) {
		String key = ConversationId.of(user, other);
		SessionRef session = new SessionRef(user, UUID.randomUUID().toString(), "gw-1", 1);
		ProducerRecord<String, byte[]> produced = EnvelopeRecords
			.toRecord(key, Envelope.of(type, UUID.randomUUID().toString(), session, payload));
		int partition = Utils.toPositive(Utils.murmur2(key.getBytes())) % PARTITIONS;
		poll.computeIfAbsent(new TopicPartition(Topics.MESSAGES, partition), p -> new ArrayList<>())
			.add(new ConsumerRecord<>(Topics.MESSAGES, partition, offset, System.currentTimeMillis(),
					TimestampType.CREATE_TIME, key.length(), produced.value().length, key, produced.value(),
					produced.headers(), java.util.Optional.empty()));
	}

	private static String user(int u) {
		return "user-" + u;
	}

	/** Pairs (2k, 2k+1), as the chat bench has them. */
	private static String partner(String user) {
		int u = Integer.parseInt(user.substring("user-".length()));
		return user(u ^ 1);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long allocatedBytes() {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long bytes = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				bytes += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
			}
		}
		return bytes;
	}

	/** Every recipient got its message on a socket: a decision that reaches the store is a bench bug. */
	private static final class NoStore extends PushUsers {

		NoStore() {
			super(null);
		}

		@Override
		public Map<String, PushUser> findAll(Collection<String> userIds) {
			return userIds.stream().collect(Collectors.toMap(id -> id, PushUser::none));
		}

	}

	private static final class AcceptingKafka extends KafkaTemplate<String, byte[]> {

		AcceptingKafka() {
			super(() -> {
				throw new UnsupportedOperationException("jobs are dropped, not produced");
			});
		}

		@Override
		public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
			return CompletableFuture.completedFuture(null);
		}

	}

}

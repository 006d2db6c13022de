package org.chat.notification.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.chat.contracts.Topics;
import org.chat.notification.config.PushProperties;
import org.chat.notification.job.PushJob;
import org.chat.notification.metrics.PushMetrics;
import org.chat.notification.settings.Device;
import org.chat.notification.settings.PushUser;
import org.chat.notification.settings.PushUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Decides per consumed send whether its recipient is pushed. A recipient without any session is pushed at
 * once; otherwise after the grace period unless the delivery receipt (the message reached a socket) or a read
 * of the conversation came first. Muted senders, users without devices and users over their rate are skipped.
 * A decision ends when its jobs are on chat.push.jobs (acks=all); until then the send's offset is not
 * committed, so a crash or a failing store/broker delays a push and never loses it.
 */
public class PushDecider {

	private static final Logger log = LoggerFactory.getLogger(PushDecider.class);

	private static final Duration RETRY_DECISION = Duration.ofSeconds(1);

	private static final int MAX_NOTIFIED = 200_000;

	/** Decisions that share one store read at most. */
	private static final int DECISIONS_PER_READ = 100;

	private final PushProperties properties;

	private final PushUsers users;

	private final SessionLookup sessions;

	private final KafkaTemplate<String, byte[]> jobs;

	private final PushMetrics metrics;

	private final Clock clock;

	private final ScheduledExecutorService timers;

	private final ExecutorService deciders;

	private final PerUserRate rate;

	final OffsetTracker offsets = new OffsetTracker();

	/** Decisions whose time came, waiting for the one drainer ({@link #decideDue}) to read their users. */
	private final Queue<PendingPush> due = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	/** Guarded by this. */
	private final Map<String, PendingPush> byMessage = new HashMap<>();

	/** Guarded by this: recipient|sender → its pending pushes. */
	private final Map<String, Map<String, PendingPush>> byPair = new HashMap<>();

	/**
	 * Guarded by this: recipient|sender pairs pushed since their last read (a read dismisses them). Bounded:
	 * past {@link #MAX_NOTIFIED} the oldest are forgotten (their notification then stays until opened).
	 */
	private final Set<String> notified = new LinkedHashSet<>();

	public PushDecider(PushProperties properties, PushUsers users, SessionLookup sessions,
			KafkaTemplate<String, byte[]> jobs, PushMetrics metrics, Clock clock, ScheduledExecutorService timers,
			ExecutorService deciders) {
		this.properties = properties;
		this.users = users;
		this.sessions = sessions;
		this.jobs = jobs;
		this.metrics = metrics;
		this.clock = clock;
		this.timers = timers;
		this.deciders = deciders;
		this.rate = new PerUserRate(properties.perUserPerMinute(), clock);
	}

	/**
	 * Opens the decision of a {@code message.send}, so that a receipt or read consumed after it finds it; its
	 * deadline comes from {@link #lookUpSessions}.
	 * @return the pending push, or {@code null} for a message to oneself or a send already pending
	 */
	PendingPush register(TopicPartition partition, long offset, String sender, String recipient, String messageId,
			String text, Instant createdAt) {
		if (sender.equals(recipient)) {
			return null;
		}
		Instant now = this.clock.instant();
		Instant graceEnds = max(createdAt.plus(this.properties.grace()), now.plus(this.properties.catchUpWait()));
		PendingPush push = new PendingPush(messageId, recipient, sender, text, createdAt, partition, offset,
				Duration.between(now, graceEnds));
		synchronized (this) {
			if (this.byMessage.putIfAbsent(messageId, push) != null) {
				return null; // a client retry of a send already pending
			}
			this.byPair.computeIfAbsent(push.pair(), p -> new LinkedHashMap<>()).put(messageId, push);
			this.offsets.hold(partition, offset);
		}
		return push;
	}

	/**
	 * One session lookup for the recipients of registered sends (a poll's): a recipient without any session is
	 * decided at once; one with a session, or any when the lookup fails or is slow, when its grace ends.
	 */
	void lookUpSessions(List<PendingPush> sends) {
		if (sends.isEmpty()) {
			return;
		}
		this.sessions.withSessions(sends.stream().map(push -> push.recipient).toList())
			.timeout(this.properties.presenceTimeout())
			.subscribe(withSessions -> sends.forEach(
					push -> schedule(push, withSessions.contains(push.recipient) ? push.grace : Duration.ZERO)),
					error -> sends.forEach(push -> schedule(push, push.grace)));
	}

	/** A {@code message.delivered} by {@code recipient}: the message reached one of its sockets. */
	public void onDelivered(String recipient, String messageId) {
		synchronized (this) {
			PendingPush push = this.byMessage.get(messageId);
			if (push != null && push.recipient.equals(recipient)) {
				cancel(push);
				this.metrics.skipped("delivered");
			}
		}
	}

	/** A {@code message.read}: {@code reader} read everything from {@code sender}, perhaps on another device. */
	public void onRead(TopicPartition partition, long offset, String reader, String sender) {
		boolean dismiss;
		synchronized (this) {
			Map<String, PendingPush> pending = this.byPair.get(PendingPush.pair(reader, sender));
			if (pending != null) {
				new ArrayList<>(pending.values()).forEach(push -> {
					cancel(push);
					this.metrics.skipped("read");
				});
			}
			dismiss = this.notified.remove(PendingPush.pair(reader, sender));
		}
		if (dismiss) {
			this.offsets.hold(partition, offset);
			this.deciders.execute(() -> dismiss(partition, offset, reader, sender));
		}
	}

	/** The partitions went to another instance, which re-reads their open sends from the committed offsets. */
	public void forget(Collection<TopicPartition> partitions) {
		synchronized (this) {
			new ArrayList<>(this.byMessage.values()).stream()
				.filter(push -> partitions.contains(push.partition))
				.forEach(this::cancel);
		}
		this.offsets.forget(partitions);
	}

	public synchronized int pendingCount() {
		return this.byMessage.size();
	}

	/** Decisions whose time came and whose users are not being read yet. */
	int dueCount() {
		return this.due.size();
	}

	private void schedule(PendingPush push, Duration delay) {
		synchronized (this) {
			if (this.byMessage.get(push.messageId) != push) {
				return; // delivered or read meanwhile
			}
			push.deadline = this.timers.schedule(() -> decideSoon(push), Math.max(0, delay.toMillis()),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Queues a decision for the drainer. When the service is behind, receipts come after the grace and nearly every
	 * send comes up for a decision at once: one read of their users, not one per decision, keeps that from taking
	 * the store from the message-service.
	 */
	private void decideSoon(PendingPush push) {
		this.due.add(push);
		if (this.draining.compareAndSet(false, true)) {
			this.deciders.execute(this::decideDue);
		}
	}

	private void decideDue() {
		do {
			try {
				List<PendingPush> batch;
				while (!(batch = nextDue()).isEmpty()) {
					decide(batch);
				}
			}
			finally {
				this.draining.set(false);
			}
			// a decision queued after the last poll and before the flag was cleared found the drainer still running
		}
		while (!this.due.isEmpty() && this.draining.compareAndSet(false, true));
	}

	/** Up to {@link #DECISIONS_PER_READ} queued decisions not delivered, read or decided meanwhile. */
	private List<PendingPush> nextDue() {
		List<PendingPush> batch = new ArrayList<>();
		PendingPush push;
		while (batch.size() < DECISIONS_PER_READ && (push = this.due.poll()) != null) {
			synchronized (this) {
				if (this.byMessage.get(push.messageId) == push) {
					batch.add(push);
				}
			}
		}
		return batch;
	}

	private void decide(List<PendingPush> batch) {
		Map<String, PushUser> users;
		try {
			users = this.users.findAll(batch.stream().map(push -> push.recipient).distinct().toList());
		}
		catch (RuntimeException ex) {
			log.warn("store unavailable deciding {} pushes; retrying: {}", batch.size(), ex.toString());
			batch.forEach(push -> schedule(push, RETRY_DECISION));
			return;
		}
		batch.forEach(push -> decide(push, users.get(push.recipient)));
	}

	/** Must hold the lock. Ends the decision without a push. */
	private void cancel(PendingPush push) {
		if (!remove(push)) {
			return;
		}
		if (push.deadline != null) {
			push.deadline.cancel(false);
		}
		this.offsets.close(push.partition, push.offset);
	}

	private boolean remove(PendingPush push) {
		if (this.byMessage.remove(push.messageId, push)) {
			Map<String, PendingPush> pair = this.byPair.get(push.pair());
			if (pair != null) {
				pair.remove(push.messageId);
				if (pair.isEmpty()) {
					this.byPair.remove(push.pair());
				}
			}
			return true;
		}
		return false;
	}

	private void decide(PendingPush push, PushUser user) {
		String skipped = user.mutes(push.sender) ? "muted"
				: user.devices().isEmpty() ? "no_device" : !this.rate.tryAcquire(push.recipient) ? "rate" : null;
		synchronized (this) {
			if (!remove(push)) {
				return; // delivered or read while the store was read
			}
			if (skipped == null) {
				// under the lock that onRead takes: a read from now on dismisses this push
				this.notified.remove(push.pair());
				this.notified.add(push.pair());
				if (this.notified.size() > MAX_NOTIFIED) {
					this.notified.remove(this.notified.iterator().next());
				}
			}
		}
		if (skipped != null) {
			this.metrics.skipped(skipped);
			this.offsets.close(push.partition, push.offset);
			return;
		}
		String text = user.previews() ? push.text : null;
		List<PushJob> jobs = user.devices().stream()
			.map(device -> new PushJob(push.messageId + "/" + device.deviceId(), PushJob.Kind.MESSAGE, push.recipient,
					device, push.sender, push.messageId, text, push.createdAt, push.partition.partition(),
					push.offset))
			.toList();
		produce(jobs, () -> this.offsets.close(push.partition, push.offset), () -> retry(push));
	}

	/** The broker refused the jobs: the decision is taken again (same jobs, same ids) a moment later. */
	private void retry(PendingPush push) {
		synchronized (this) {
			this.byMessage.putIfAbsent(push.messageId, push);
			this.byPair.computeIfAbsent(push.pair(), p -> new LinkedHashMap<>()).putIfAbsent(push.messageId, push);
		}
		schedule(push, RETRY_DECISION);
	}

	private void dismiss(TopicPartition partition, long offset, String reader, String sender) {
		List<Device> devices;
		try {
			devices = this.users.find(reader).devices();
		}
		catch (RuntimeException ex) {
			this.timers.schedule(() -> this.deciders.execute(() -> dismiss(partition, offset, reader, sender)),
					RETRY_DECISION.toMillis(), TimeUnit.MILLISECONDS);
			return;
		}
		Instant now = this.clock.instant();
		List<PushJob> jobs = devices.stream()
			.map(device -> new PushJob("read/" + partition.partition() + "/" + offset + "/" + device.deviceId(),
					PushJob.Kind.READ, reader, device, sender, null, null, now, partition.partition(), offset))
			.toList();
		produce(jobs, () -> this.offsets.close(partition, offset),
				() -> this.timers.schedule(() -> this.deciders.execute(() -> dismiss(partition, offset, reader, sender)),
						RETRY_DECISION.toMillis(), TimeUnit.MILLISECONDS));
	}

	private void produce(List<PushJob> jobs, Runnable done, Runnable failed) {
		CompletableFuture<?>[] sends = jobs.stream()
			.map(job -> this.jobs.send(new ProducerRecord<>(Topics.PUSH_JOBS, job.userId(), job.toBytes())))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(sends).whenComplete((ok, error) -> {
			if (error == null) {
				done.run();
			}
			else {
				log.warn("push jobs not accepted by Kafka; retrying: {}", error.toString());
				failed.run();
			}
		});
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}

package org.chat.notification.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.push.PushPlatform;
import org.chat.notification.metrics.PushMetrics;
import org.chat.notification.provider.Notification;
import org.chat.notification.provider.Outcome;
import org.chat.notification.provider.PushSender;
import org.chat.notification.settings.PushUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Sends a poll's push jobs, all at once, and waits for the providers' answers. Gone tokens are deleted,
 * rejected pushes counted and dropped. If any push must be retried (429, 5xx, no answer), the batch fails at
 * the first such job: the jobs before it are committed, the rest come again after the back-off (honouring
 * {@code Retry-After}), and those already delivered are not sent twice. A provider outage therefore delays
 * pushes on the affected partitions and loses none.
 */
public class PushJobListener {

	private static final Logger log = LoggerFactory.getLogger(PushJobListener.class);

	private final Map<PushPlatform, PushSender> senders = new EnumMap<>(PushPlatform.class);

	private final Badges badges;

	private final PushUsers users;

	private final PushMetrics metrics;

	private final Clock clock;

	private final RecentlySent sent = new RecentlySent(100_000);

	public PushJobListener(List<PushSender> senders, Badges badges, PushUsers users, PushMetrics metrics,
			Clock clock) {
		senders.forEach(sender -> this.senders.put(sender.platform(), sender));
		this.badges = badges;
		this.users = users;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(id = Topics.PUSH_SENDER_GROUP, topics = Topics.PUSH_JOBS, groupId = Topics.PUSH_SENDER_GROUP,
			containerFactory = "pushJobsContainerFactory")
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		List<PushJob> jobs = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			PushJob job = decode(record);
			jobs.add(job == null || this.sent.contains(job.jobId()) ? null : job);
		}
		Map<String, Integer> badges = this.badges.of(jobs.stream().filter(Objects::nonNull).toList());
		List<CompletableFuture<Outcome>> answers = new ArrayList<>(records.size());
		for (PushJob job : jobs) {
			answers.add(job == null ? null : send(job, badges.get(job.jobId())));
		}
		int firstRetry = -1;
		Duration retryAfter = null;
		for (int i = 0; i < jobs.size(); i++) {
			if (answers.get(i) == null) {
				continue;
			}
			PushJob job = jobs.get(i);
			String platform = job.device().platform();
			Outcome outcome = answers.get(i).join();
			if (outcome instanceof Outcome.Sent) {
				this.sent.add(job.jobId());
				this.metrics.sent(platform, Duration.between(job.createdAt(), this.clock.instant()));
			}
			else if (outcome instanceof Outcome.Gone gone) {
				log.info("removing {} of {}: {}", job.device().describe(), job.userId(), gone.reason());
				this.users.removeGone(job.userId(), job.device());
				this.metrics.tokenRemoved(platform);
			}
			else if (outcome instanceof Outcome.Rejected rejected) {
				log.warn("{} of {} refused a push: {}", job.device().describe(), job.userId(), rejected.reason());
				this.metrics.failed(platform, "rejected");
			}
			else if (outcome instanceof Outcome.Retry retry) {
				this.metrics.failed(platform, "retry");
				if (firstRetry < 0) {
					firstRetry = i;
					log.warn("{} push failed ({}); retrying from job {} of the batch", platform, retry.reason(), i);
				}
				if (retry.retryAfter() != null
						&& (retryAfter == null || retry.retryAfter().compareTo(retryAfter) > 0)) {
					retryAfter = retry.retryAfter();
				}
			}
		}
		if (firstRetry >= 0) {
			ProviderBackOff.hint(retryAfter);
			throw new BatchListenerFailedException("push provider unavailable", firstRetry);
		}
	}

	private CompletableFuture<Outcome> send(PushJob job, int badge) {
		PushSender sender = this.senders.get(job.device().pushPlatform());
		if (sender == null) {
			this.metrics.failed(job.device().platform(), "disabled");
			return null;
		}
		return sender.send(job.device(), Notification.of(job, badge));
	}

	private static PushJob decode(ConsumerRecord<String, byte[]> record) {
		try {
			PushJob job = PushJob.fromBytes(record.value());
			return job.device() == null || job.device().pushPlatform() == null ? null : job;
		}
		catch (RuntimeException ex) {
			log.warn("skipping undecodable push job at {}-{}@{}", record.topic(), record.partition(), record.offset());
			return null;
		}
	}

}

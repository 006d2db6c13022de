package org.chat.notification.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.chat.contracts.push.PushCollections;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The badge: the recipient's total unread count, read from the message-service's {@code unread} counters
 * (one source of truth; the notification path counts nothing itself), one query per batch of jobs. A counter
 * says up to which record of its partition it has counted ({@code partition}, {@code upTo}); when the message
 * being pushed is past that mark, the store has not counted it yet and it is added.
 */
public class Badges {

	private final MongoTemplate mongo;

	public Badges(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Job id → badge for each job. */
	public Map<String, Integer> of(Collection<PushJob> jobs) {
		Set<String> recipients = jobs.stream().map(PushJob::userId).collect(Collectors.toSet());
		Map<String, List<Document>> counters = new HashMap<>();
		if (!recipients.isEmpty()) {
			this.mongo.getCollection(PushCollections.UNREAD_COUNTERS)
				.find(new Document("recipient", new Document("$in", List.copyOf(recipients))))
				.forEach(c -> counters.computeIfAbsent(c.getString("recipient"), r -> new ArrayList<>()).add(c));
		}
		Map<String, Integer> badges = new HashMap<>();
		jobs.forEach(job -> badges.put(job.jobId(), of(job, counters.getOrDefault(job.userId(), List.of()))));
		return badges;
	}

	private static int of(PushJob job, List<Document> counters) {
		String pair = job.userId() + "|" + job.senderId();
		// a read resets its conversation's counter, perhaps after this job: it counts 0 for a READ job
		long total = counters.stream()
			.filter(c -> job.kind() == PushJob.Kind.MESSAGE || !pair.equals(c.get("_id")))
			.mapToLong(c -> c.get("count", Number.class).longValue())
			.filter(n -> n > 0)
			.sum();
		if (job.kind() == PushJob.Kind.MESSAGE && !counted(counters, pair, job)) {
			total++;
		}
		return (int) Math.min(Integer.MAX_VALUE, total);
	}

	private static boolean counted(List<Document> counters, String pair, PushJob job) {
		return counters.stream()
			.filter(c -> pair.equals(c.get("_id")))
			.anyMatch(c -> c.get("partition", Number.class) != null && c.get("upTo", Number.class) != null
					&& c.get("partition", Number.class).intValue() == job.partition()
					&& c.get("upTo", Number.class).longValue() >= job.offset());
	}

}

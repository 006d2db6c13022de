package org.chat.notification.job;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.chat.contracts.push.PushCollections;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The badge: the recipient's total unread count, read from the message-service's {@code unread} counters
 * (one source of truth; the notification path counts nothing itself). A counter document says up to which
 * record of its partition it has counted ({@code partition}, {@code upTo}); when the message being pushed is
 * past that mark, the store has not counted it yet and it is added.
 */
public class Badges {

	private final MongoTemplate mongo;

	public Badges(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public int of(PushJob job) {
		List<Document> counters = this.mongo.getCollection(PushCollections.UNREAD_COUNTERS)
			.find(new Document("recipient", job.userId()))
			.into(new ArrayList<>());
		String pair = job.userId() + "|" + job.senderId();
		// a read resets its conversation's counter, perhaps after this job: it counts 0 for a READ job
		long total = counters.stream()
			.filter(c -> job.kind() == PushJob.Kind.MESSAGE || !pair.equals(c.get("_id")))
			.mapToLong(c -> c.get("count", Number.class).longValue())
			.filter(n -> n > 0)
			.sum();
		if (job.kind() == PushJob.Kind.MESSAGE && !counted(counters, job)) {
			total++;
		}
		return (int) Math.min(Integer.MAX_VALUE, total);
	}

	private static boolean counted(List<Document> counters, PushJob job) {
		String id = job.userId() + "|" + job.senderId();
		return counters.stream()
			.filter(c -> id.equals(c.get("_id")))
			.anyMatch(c -> c.get("partition", Number.class) != null && c.get("upTo", Number.class) != null
					&& c.get("partition", Number.class).intValue() == job.partition()
					&& c.get("upTo", Number.class).longValue() >= job.offset());
	}

}

package org.chat.message.store;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/**
 * Indexes created at start-up, before the listener starts. Only plain (compound, ascending/descending,
 * non-partial) indexes: both MongoDB and mongo-java-server honour them. Uniqueness lives in {@code _id}; sync,
 * history and mark-read read the {@code feeds} buckets by {@code _id} and need none.
 */
public class StoreIndexes {

	private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

	private final ReactiveMongoTemplate mongo;

	public StoreIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void ensure(Duration timeout) {
		var messages = this.mongo.indexOps(StoredMessage.COLLECTION);
		var unread = this.mongo.indexOps(UnreadCounter.COLLECTION);
		Flux.concat(
				// the highest stamp, read when partitions are assigned
				messages.createIndex(new Index().on(StoredMessage.SEQ, Direction.DESC).named("clock")),
				unread.createIndex(new Index().on(UnreadCounter.RECIPIENT, Direction.ASC).named("byRecipient")))
			.collectList()
			.doOnNext(names -> log.info("Mongo indexes ensured: {}", names))
			.block(timeout);
	}

}

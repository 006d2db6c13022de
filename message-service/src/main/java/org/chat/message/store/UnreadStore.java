package org.chat.message.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.chat.message.store.UnreadCounter.*;

/** The {@code unread} counters, one per (recipient, sender). */
public class UnreadStore {

	/** Counting {@code increment} more messages, the last of them the record at (partition, upTo). */
	public record Increment(String recipient, String sender, long increment, int partition, long upTo) {
	}

	private final ReactiveMongoTemplate mongo;

	public UnreadStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return counters by pair id; pairs without a document are absent. */
	public Mono<Map<String, UnreadCounter>> find(Collection<String> pairIds) {
		if (pairIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return collection().flatMapMany(c -> Flux.from(c.find(Filters.in(ID, pairIds))))
			.map(UnreadCounter::from)
			.collect(Collectors.toMap(u -> id(u.recipient(), u.sender()), Function.identity()));
	}

	/** All increments in one bulk write. */
	public Mono<Void> apply(List<Increment> increments) {
		if (increments.isEmpty()) {
			return Mono.empty();
		}
		// built as BSON directly: the Filters/Updates builders resolved a codec per field per write
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		List<WriteModel<Document>> writes = increments.stream()
			.<WriteModel<Document>>map(i -> new UpdateOneModel<>(
					new BsonDocument(ID, new BsonString(id(i.recipient(), i.sender()))),
					new BsonDocument("$inc", new BsonDocument(COUNT, new BsonInt64(i.increment())))
						.append("$set",
								new BsonDocument(PARTITION, new BsonInt32(i.partition())).append(UP_TO,
										new BsonInt64(i.upTo())))
						.append("$setOnInsert", new BsonDocument(RECIPIENT, new BsonString(i.recipient()))
							.append(SENDER, new BsonString(i.sender()))),
					upsert))
			.toList();
		return collection().flatMap(c -> Mono.from(c.bulkWrite(writes))).then();
	}

	/** Sets the counter to the recounted truth after a read and records the read; keeps its watermark. */
	public Mono<Void> set(String recipient, String sender, long count, UnreadCounter.ReadMark read) {
		return collection()
			.flatMap(c -> Mono.from(c.updateOne(Filters.eq(ID, id(recipient, sender)),
					Updates.combine(Updates.set(COUNT, count), Updates.set(READ_PARTITION, read.partition()),
							Updates.set(READ_OFFSET, read.offset()), Updates.setOnInsert(RECIPIENT, recipient),
							Updates.setOnInsert(SENDER, sender)),
					new UpdateOptions().upsert(true))))
			.then();
	}

	/** Counters of {@code recipient} above zero. */
	public Flux<UnreadCounter> positive(String recipient) {
		return collection()
			.flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.eq(RECIPIENT, recipient), Filters.gt(COUNT, 0)))))
			.map(UnreadCounter::from);
	}

	private Mono<MongoCollection<Document>> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}

package org.chat.message.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code watermarks} collection: per partition of the messages topic, {@code upTo} = an offset below which
 * every record has been completely processed (its message and feed entries stored). A partition's owner raises
 * it ({@code $max}) after a batch's writes have all succeeded, before committing the batch's offsets, so it never
 * claims more than is stored, whoever wrote last; zombies and redeliveries can only lower nothing.
 */
public class Watermarks {

	public static final String COLLECTION = "watermarks";

	static final String UP_TO = "upTo";

	private final ReactiveMongoTemplate mongo;

	public Watermarks(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @param upTo per partition, the offset after the last record of the batch */
	public Mono<Void> raise(Map<Integer, Long> upTo) {
		if (upTo.isEmpty()) {
			return Mono.empty();
		}
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		List<WriteModel<BsonDocument>> writes = new ArrayList<>();
		upTo.forEach((partition, offset) -> writes.add(new UpdateOneModel<>(
				new BsonDocument("_id", new BsonInt32(partition)),
				new BsonDocument("$max", new BsonDocument(UP_TO, new BsonInt64(offset))), upsert)));
		return collection().flatMap(c -> Mono.from(c.bulkWrite(writes, new BulkWriteOptions().ordered(false)))).then();
	}

	/** Every partition's watermark (one document per partition: a small collection read whole). */
	public Mono<Map<Integer, Long>> all() {
		return collection().flatMapMany(c -> Flux.from(c.find()))
			.collectMap(doc -> doc.getNumber("_id").intValue(), doc -> doc.getNumber(UP_TO).longValue(),
					TreeMap::new);
	}

	private Mono<MongoCollection<BsonDocument>> collection() {
		return this.mongo.getCollection(COLLECTION).map(c -> c.withDocumentClass(BsonDocument.class));
	}

}

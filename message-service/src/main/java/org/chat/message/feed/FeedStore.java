package org.chat.message.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code feeds} collection (MongoDB's bucket pattern): per feed, page documents of entries and one directory
 * document naming the buckets. Writes are {@code $addToSet} upserts, so a redelivered batch changes nothing;
 * reads are lookups by {@code _id}, fast on MongoDB and on the embedded stand-in alike.
 */
public class FeedStore {

	public static final String COLLECTION = "feeds";

	static final String ENTRIES = "e";
	static final String BUCKETS = "b";

	/**
	 * Directory names this process has written; a directory only grows, so such a name need not be written again.
	 * Without it every append rewrote the directory, a document that grows with the feed's history.
	 */
	private final Cache<String, Boolean> listed;

	private final ReactiveMongoTemplate mongo;

	public FeedStore(ReactiveMongoTemplate mongo, long listedCacheSize) {
		this.mongo = mongo;
		this.listed = Caffeine.newBuilder().maximumSize(listedCacheSize).build();
	}

	/** Adds the entries to their feeds in one unordered bulk write; idempotent. */
	public Mono<Void> append(Map<FeedKey, List<FeedEntry>> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		List<WriteModel<BsonDocument>> writes = new ArrayList<>();
		List<String> newlyListed = new ArrayList<>();
		entries.forEach((feed, list) -> {
			Map<String, BsonArray> pages = new LinkedHashMap<>();
			Set<String> names = new LinkedHashSet<>();
			for (FeedEntry entry : list) {
				long bucket = FeedKey.bucketOf(entry.offset());
				pages.computeIfAbsent(feed.pageId(entry.partition(), bucket, FeedKey.pageOf(entry.offset())),
						id -> new BsonArray()).add(entry.toBson());
				names.add(FeedKey.bucketName(entry.partition(), bucket));
			}
			pages.forEach((id, values) -> writes.add(new UpdateOneModel<>(new BsonDocument("_id", new BsonString(id)),
					new BsonDocument("$addToSet", new BsonDocument(ENTRIES, new BsonDocument("$each", values))),
					upsert)));
			BsonArray unlisted = new BsonArray();
			for (String name : names) {
				String listedKey = feed.id() + FeedKey.SEPARATOR + name;
				if (this.listed.getIfPresent(listedKey) == null) {
					unlisted.add(new BsonString(name));
					newlyListed.add(listedKey);
				}
			}
			// the directory is written with its pages; a reader never needs a bucket the watermark has not passed
			if (!unlisted.isEmpty()) {
				writes.add(new UpdateOneModel<>(new BsonDocument("_id", new BsonString(feed.id())),
						new BsonDocument("$addToSet", new BsonDocument(BUCKETS, new BsonDocument("$each", unlisted))),
						upsert));
			}
		});
		return collection().flatMap(c -> Mono.from(c.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
			.doOnSuccess(result -> newlyListed.forEach(name -> this.listed.put(name, Boolean.TRUE)))
			.then();
	}

	/** The feed's buckets: partition → bucket numbers, ascending. */
	public Mono<Map<Integer, TreeSet<Long>>> directory(FeedKey feed) {
		return collection().flatMap(c -> Mono.from(c.find(Filters.eq("_id", feed.id())).first()))
			.map(doc -> {
				Map<Integer, TreeSet<Long>> buckets = new TreeMap<>();
				for (BsonValue name : doc.getArray(BUCKETS, new BsonArray())) {
					String[] parts = name.asString().getValue().split("\\" + FeedKey.SEPARATOR);
					buckets.computeIfAbsent(Integer.parseInt(parts[0]), p -> new TreeSet<>()).add(Long.parseLong(parts[1]));
				}
				return buckets;
			})
			.defaultIfEmpty(Map.of());
	}

	/**
	 * Reads, per partition, the buckets in the order given until at least {@code want} entries matched or the
	 * buckets ran out; one lookup by {@code _id} per round, all partitions together.
	 * @param order per partition, the buckets to read in reading order
	 * @return per partition what was read: matching entries (unsorted) and the buckets read
	 */
	public Mono<Map<Integer, Read>> read(FeedKey feed, Map<Integer, List<Long>> order, Predicate<FeedEntry> matches,
			int want) {
		Map<Integer, Read> reads = new TreeMap<>();
		order.forEach((partition, buckets) -> reads.put(partition, new Read(new ArrayList<>(), new ArrayList<>())));
		return round(feed, order, matches, want, reads).thenReturn(reads);
	}

	private Mono<Void> round(FeedKey feed, Map<Integer, List<Long>> order, Predicate<FeedEntry> matches, int want,
			Map<Integer, Read> reads) {
		Map<String, Integer> wanted = new HashMap<>();
		reads.forEach((partition, read) -> {
			List<Long> buckets = order.get(partition);
			if (read.entries.size() < want && read.buckets.size() < buckets.size()) {
				long bucket = buckets.get(read.buckets.size());
				read.buckets.add(bucket);
				for (int page = 0; page < FeedKey.PAGES_PER_BUCKET; page++) {
					wanted.put(feed.pageId(partition, bucket, page), partition);
				}
			}
		});
		if (wanted.isEmpty()) {
			return Mono.empty();
		}
		return collection()
			.flatMapMany(c -> Flux.from(c.find(Filters.in("_id", wanted.keySet()))
				.projection(new BsonDocument(ENTRIES, new BsonInt32(1)))))
			.doOnNext(doc -> {
				int partition = wanted.get(doc.getString("_id").getValue());
				for (BsonValue value : doc.getArray(ENTRIES, new BsonArray())) {
					FeedEntry entry = FeedEntry.from(partition, value);
					if (matches.test(entry)) {
						reads.get(partition).entries.add(entry);
					}
				}
			})
			.then(Mono.defer(() -> round(feed, order, matches, want, reads)));
	}

	/** What {@link #read} took from one partition. */
	public record Read(List<FeedEntry> entries, List<Long> buckets) {

		/** Whether every bucket asked for was read. */
		public boolean exhausted(Collection<Long> asked) {
			return this.buckets.size() == asked.size();
		}

	}

	private Mono<MongoCollection<BsonDocument>> collection() {
		return this.mongo.getCollection(COLLECTION).map(c -> c.withDocumentClass(BsonDocument.class));
	}

}

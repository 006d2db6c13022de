package org.chat.message.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.chat.message.store.StoredMessage.*;

/** The {@code messages} collection. Writes are idempotent: inserts report duplicates, updates converge. */
public class MessageStore {

	private final ReactiveMongoTemplate mongo;

	public MessageStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Inserts unordered in one round trip; @return the ids that were already stored (duplicate key). */
	public Mono<Set<String>> insertAll(List<StoredMessage> messages) {
		if (messages.isEmpty()) {
			return Mono.just(Set.of());
		}
		List<Document> docs = messages.stream().map(StoredMessage::toDocument).toList();
		return collection().flatMap(c -> Mono.from(c.insertMany(docs, new InsertManyOptions().ordered(false))))
			.<Set<String>>thenReturn(Set.of())
			.onErrorResume(MongoBulkWriteException.class, ex -> duplicatesOnly(ex, messages));
	}

	private static Mono<Set<String>> duplicatesOnly(MongoBulkWriteException ex, List<StoredMessage> messages) {
		Set<String> duplicates = new HashSet<>();
		for (BulkWriteError error : ex.getWriteErrors()) {
			if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
				return Mono.error(ex);
			}
			duplicates.add(messages.get(error.getIndex()).id());
		}
		return Mono.just(duplicates);
	}

	public Flux<StoredMessage> findByIds(Collection<String> ids) {
		return ids.isEmpty() ? Flux.empty() : find(Filters.in(ID, ids), null, 0);
	}

	/** The messages with these ids, in the order of {@code ids}; ids with no message are left out. */
	public Mono<List<StoredMessage>> findInOrder(List<String> ids) {
		return findByIds(ids).collectMap(StoredMessage::id, Function.identity())
			.map(byId -> ids.stream().map(byId::get).filter(Objects::nonNull).toList());
	}

	public Mono<StoredMessage> findById(String id) {
		return find(Filters.eq(ID, id), null, 0).next();
	}

	/**
	 * Sets {@code deliveredAt} on the reported messages that have none yet and whose recipient is among their
	 * reporters; @return the ones this call changed.
	 * <p>
	 * Both the read and the write select by {@code _id} only and the rest is filtered here: the embedded
	 * store (mongo-java-server) uses the {@code _id} index only for a query on exactly {@code _id}, and any
	 * extra condition ({@code deliveredAt: null}) made each call scan the whole collection.
	 * <p>
	 * Without the condition in the write, read-then-write is not atomic. The writers of {@code deliveredAt}
	 * are the owner of the conversation's partition (delivery reports are keyed by conversation) and a sync
	 * query, which may run on another partition's owner. If both read the message unset, both write (the
	 * later stamp wins, milliseconds apart) and both tell the sender: at worst a repeated
	 * {@code message_delivered}, which the client applies idempotently. No notice is lost to the race: a
	 * writer that reads the message set skips it only because another writer set it, and that one notifies
	 * (fan-out itself stays at most once, as before). The only read of {@code deliveredAt} that matters is
	 * "is it set", which both outcomes agree on. Correct on MongoDB too: it only drops an index-friendly
	 * condition.
	 */
	public Flux<DeliveredMessage> markDeliveredAll(Map<String, Set<String>> reportersById, Instant at) {
		if (reportersById.isEmpty()) {
			return Flux.empty();
		}
		// only the fields the check and the notice need: a receipt per message made this the store's
		// largest read, and decoding whole documents cost more than the rest of the receipt
		Bson fields = Projections.include(ID, SENDER, RECIPIENT, DELIVERED_AT);
		return collection().flatMapMany(c -> Flux.<Document>from(c.find(Filters.in(ID, reportersById.keySet()))
				.projection(fields)))
			.filter(doc -> doc.get(DELIVERED_AT) == null
					&& reportersById.get(doc.getString(ID)).contains(doc.getString(RECIPIENT)))
			.map(DeliveredMessage::from)
			.collectList()
			.flatMapMany(changed -> changed.isEmpty() ? Flux.empty()
					: collection()
						.flatMap(c -> Mono.from(c.updateMany(
								Filters.in(ID, changed.stream().map(DeliveredMessage::id).toList()),
								Updates.set(DELIVERED_AT, date(at)))))
						.thenMany(Flux.fromIterable(changed)));
	}

	/** Sets {@code isRead} on the given messages (chosen by the caller from a conversation's feed). */
	public Mono<Long> markRead(Collection<String> ids, Instant at) {
		if (ids.isEmpty()) {
			return Mono.just(0L);
		}
		Bson update = Updates.combine(Updates.set(READ, true), Updates.set(READ_AT, date(at)));
		return collection().flatMap(c -> Mono.from(c.updateMany(Filters.in(ID, ids), update)))
			.map(r -> r.getModifiedCount());
	}

	/** The highest stamp ever stored (0 when empty), so a new owner's clock starts past it. */
	public Mono<Long> maxSeq() {
		return find(new Document(), Sorts.descending(SEQ), 1).next().map(StoredMessage::seq).defaultIfEmpty(0L);
	}

	private Flux<StoredMessage> find(Bson filter, Bson sort, int limit) {
		return collection().flatMapMany(c -> {
			var find = c.find(filter);
			if (sort != null) {
				find = find.sort(sort);
			}
			return Flux.from(limit > 0 ? find.limit(limit) : find);
		}).map(StoredMessage::from);
	}

	private Mono<MongoCollection<Document>> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}

package org.chat.message.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;
import org.chat.message.support.InProcessMongo;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStoreTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveMongoTemplate mongo = InProcessMongo.newDatabase();

	private final FeedStore feeds = new FeedStore(this.mongo, 1_000);

	private final FeedKey inbox = FeedKey.inbox("bob");

	@Test
	void entriesAcrossPagesAndBucketsAreReadOnceEachAfterARedeliveredAppend() {
		List<FeedEntry> entries = List.of(entry(0), entry(255), entry(256), entry(16_383), entry(16_384), entry(40_000));
		append(entries);
		append(entries.subList(1, 5)); // a redelivery, cut differently

		Map<Integer, TreeSet<Long>> directory = this.feeds.directory(this.inbox).block(TIMEOUT);
		assertThat(directory).containsOnlyKeys(0);
		assertThat(directory.get(0)).containsExactly(0L, 1L, 2L);
		Map<Integer, FeedStore.Read> reads = this.feeds
			.read(this.inbox, Map.of(0, List.copyOf(directory.get(0))), e -> true, 100)
			.block(TIMEOUT);
		assertThat(reads.get(0).entries()).containsExactlyInAnyOrderElementsOf(entries);
	}

	@Test
	void aWriteTouchesOnlyThePageOfItsOffsetSoNoDocumentGrowsWithTheFeed() {
		List<FeedEntry> entries = new ArrayList<>();
		for (long offset = 0; offset < 3_000; offset++) {
			entries.add(entry(offset));
		}
		append(entries);

		List<Document> pages = this.mongo
			.find(Query.query(Criteria.where("_id").regex("^i\\|bob\\|0\\|0\\|")), Document.class, FeedStore.COLLECTION)
			.collectList()
			.block(TIMEOUT);
		assertThat(pages).hasSize(3); // offsets 0–2,999 in pages of 1,024
		assertThat(pages).allSatisfy(page -> assertThat(page.getList(FeedStore.ENTRIES, Document.class))
			.hasSizeLessThanOrEqualTo((int) FeedKey.PAGE_SPAN));
	}

	@Test
	void theDirectoryIsWrittenOncePerBucketByAnInstanceThatListedIt() {
		append(List.of(entry(1)));
		this.mongo.remove(Query.query(Criteria.where("_id").is(this.inbox.id())), FeedStore.COLLECTION).block(TIMEOUT);

		append(List.of(entry(2)));
		assertThat(this.feeds.directory(this.inbox).block(TIMEOUT)).isEmpty();

		// another instance has not listed it: it writes the name (idempotently)
		new FeedStore(this.mongo, 1_000).append(Map.of(this.inbox, List.of(entry(3)))).block(TIMEOUT);
		assertThat(this.feeds.directory(this.inbox).block(TIMEOUT)).containsOnlyKeys(0);
	}

	private void append(List<FeedEntry> entries) {
		this.feeds.append(Map.of(this.inbox, entries)).block(TIMEOUT);
	}

	private static FeedEntry entry(long offset) {
		return new FeedEntry("m" + offset, 0, offset, 1_000 + offset, "alice");
	}

}

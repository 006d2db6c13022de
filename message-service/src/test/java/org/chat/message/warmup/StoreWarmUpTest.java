package org.chat.message.warmup;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.chat.contracts.UserIds;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.message.feed.FeedStore;
import org.chat.message.feed.Watermarks;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadStore;
import org.chat.message.support.CapturingPublisher;
import org.chat.message.support.InProcessMongo;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store warm-up reads and publishes but changes nothing a user or another service could see: every collection
 * holds the same documents after its rounds, the routing lookups ask only for users no token can name, and the one
 * publish per I/O round goes to a gateway that does not exist.
 */
class StoreWarmUpTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> COLLECTIONS = List.of(StoredMessage.COLLECTION, FeedStore.COLLECTION,
			Watermarks.COLLECTION, UnreadCounter.COLLECTION);

	private final ReactiveMongoTemplate mongo = InProcessMongo.newDatabase();

	private final CapturingPublisher publisher = new CapturingPublisher();

	private final List<String> looked = new ArrayList<>();

	private final RoutingLookup routing = users -> {
		this.looked.addAll(users);
		return Mono.just(Map.of());
	};

	private StoreWarmUp warmUp(ReactiveMongoTemplate store) {
		return new StoreWarmUp(new MessageStore(store), new FeedStore(store, 100), new Watermarks(store),
				new UnreadStore(store), this.routing, this.publisher);
	}

	@Test
	void roundsReadEveryCollectionAndWriteNothing() throws Exception {
		seed();
		Map<String, List<Document>> before = contents();
		StoreWarmUp warmUp = warmUp(this.mongo);

		for (int i = 0; i < 2 * StoreWarmUp.IO_EVERY; i++) {
			warmUp.round();
		}

		assertThat(contents()).as("every collection as it was").isEqualTo(before);
		assertThat(this.mongo.getCollectionNames().collectList().block(TIMEOUT)).as("no collection created")
			.containsExactlyInAnyOrderElementsOf(COLLECTIONS);
		assertThat(this.publisher.publishes()).as("one publish per I/O round").hasSize(2).allSatisfy(publish -> {
			assertThat(publish.gatewayId()).isEqualTo(StoreWarmUp.GATEWAY);
			assertThat(publish.messages()).singleElement().satisfies(message -> {
				assertThat(message.kind()).isEqualTo(GatewayMessage.Kind.REPLY);
				assertThat(message.sessions()).containsExactly(StoreWarmUp.SESSION);
			});
		});
		assertThat(this.looked).as("users no token can name").isNotEmpty()
			.allSatisfy(user -> assertThat(UserIds.isValid(user)).isFalse());
	}

	@Test
	void aStoreThatIsDownFailsTheRoundSoTheRunnerDropsIt() throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		try (MongoClient dead = MongoClients
			.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
			StoreWarmUp warmUp = warmUp(new ReactiveMongoTemplate(dead, "down"));

			assertThatThrownBy(warmUp::round).isInstanceOf(MongoTimeoutException.class)
				.hasMessageContaining("127.0.0.1:" + port);
		}
		assertThat(this.publisher.publishes()).isEmpty();
	}

	/** One document in each collection, shaped as the service writes them. */
	private void seed() {
		this.mongo.insert(new Document("_id", "m1").append("sender", "alice").append("recipient", "bob"),
				StoredMessage.COLLECTION).block(TIMEOUT);
		this.mongo.insert(new Document("_id", "i|bob").append("buckets", List.of("0|0")), FeedStore.COLLECTION)
			.block(TIMEOUT);
		this.mongo.insert(new Document("_id", 0).append("upTo", 5L), Watermarks.COLLECTION).block(TIMEOUT);
		this.mongo.insert(new Document("_id", UnreadCounter.id("bob", "alice")).append("count", 1L),
				UnreadCounter.COLLECTION).block(TIMEOUT);
	}

	private Map<String, List<Document>> contents() {
		Map<String, List<Document>> all = new TreeMap<>();
		for (String collection : Set.copyOf(COLLECTIONS)) {
			all.put(collection, this.mongo.findAll(Document.class, collection).collectList().block(TIMEOUT));
		}
		return all;
	}

}

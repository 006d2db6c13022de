package org.chat.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random chat-like workload gives the same answers on the BSON file store (reopened halfway)
 * as on mongo-java-server's MemoryBackend. {@code -Dchat.test.seed=N} replays a run.
 */
class StoreEquivalenceIT {

	@TempDir
	Path dir;

	@TestFactory
	Stream<DynamicTest> fileStoreAnswersLikeTheMemoryStore() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + 4).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Path file = Files.createTempDirectory(dir, "seed").resolve("store.mv.db");
			try (MongoStore memory = MongoStore.startInMemory(0); MongoClient memoryClient = MongoClients.create(memory.uri("chat"))) {
				MongoCollection<Document> expected = messages(memoryClient);
				Random random = new Random(seed);
				MongoStore fileStore = MongoStore.startWithFile(file, 0);
				MongoClient fileClient = MongoClients.create(fileStore.uri("chat"));
				try {
					for (int i = 0; i < 400; i++) {
						if (i == 200) { // everything written so far must come back from the file
							fileClient.close();
							fileStore.close();
							fileStore = MongoStore.startWithFile(file, 0);
							fileClient = MongoClients.create(fileStore.uri("chat"));
						}
						long opSeed = random.nextLong();
						MongoCollection<Document> actual = messages(fileClient);
						assertThat(apply(actual, new Random(opSeed))).as("op %d", i).isEqualTo(apply(expected, new Random(opSeed)));
					}
				}
				finally {
					fileClient.close();
					fileStore.close();
				}
			}
		}));
	}

	private static MongoCollection<Document> messages(MongoClient client) {
		MongoCollection<Document> messages = client.getDatabase("chat").getCollection("messages");
		messages.createIndex(Indexes.ascending("conv", "client"), new IndexOptions().unique(true).name("conv_client"));
		return messages;
	}

	/** One random write or query; what it returns (documents, counts or the error) is what must match. */
	private static Object apply(MongoCollection<Document> messages, Random random) {
		int op = random.nextInt(10);
		try {
			return switch (op) {
				case 0, 1, 2 -> messages.insertOne(randomMessage(random)).wasAcknowledged();
				case 3 -> messages.updateMany(Filters.in("_id", ids(random, 20)),
						Updates.combine(Updates.set("read", random.nextBoolean()), Updates.inc("seq", 1))).getModifiedCount();
				case 4 -> messages.deleteMany(Filters.in("_id", ids(random, 5))).getDeletedCount();
				case 5 -> list(messages, Filters.in("_id", ids(random, 50)), Sorts.ascending("_id"), 0);
				case 6 -> list(messages, Filters.and(Filters.gte("seq", random.nextInt(50)), Filters.lt("seq", random.nextInt(100))),
						Sorts.ascending("seq", "_id"), 0);
				case 7 -> list(messages, Filters.eq("conv", "c" + random.nextInt(4)), Sorts.descending("seq", "_id"),
						1 + random.nextInt(10));
				case 8 -> list(messages, Filters.gt("_id", id(random)), Sorts.ascending("_id"), 0);
				default -> messages.countDocuments(Filters.in("_id", ids(random, 30)));
			};
		}
		catch (MongoWriteException e) {
			return e.getError().getCode() + " " + e.getError().getMessage();
		}
	}

	private static List<Document> list(MongoCollection<Document> messages, Bson filter, Bson sort, int limit) {
		return messages.find(filter).sort(sort).limit(limit).into(new ArrayList<>());
	}

	private static Document randomMessage(Random random) {
		List<Function<Integer, Object>> numberTypes = List.of(n -> n, n -> (long) n, n -> n + 0.5, n -> (double) n);
		return new Document("_id", id(random)).append("conv", "c" + random.nextInt(4))
			.append("client", "k" + random.nextInt(300))
			.append("seq", numberTypes.get(random.nextInt(numberTypes.size())).apply(random.nextInt(100)))
			.append("text", random.nextBoolean() ? "hello " + random.nextInt(1000) : null)
			.append("meta", new Document("tags", List.of("t" + random.nextInt(3))));
	}

	private static List<String> ids(Random random, int count) {
		return Stream.generate(() -> id(random)).limit(random.nextInt(count) + 1).toList();
	}

	private static String id(Random random) {
		return "m" + random.nextInt(500);
	}

}

package org.chat.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The file store under the load that once broke a home-made MVStore backend at a small heap: several
 * collections written in parallel (one client thread each, as pooled connections do), random message-id
 * {@code _id}s so every insert dirties a random page, lookups and updates by {@code _id} in between, MVStore's
 * background commit running. Then the store is closed, reopened from its file, and every document is read back.
 * <p>
 * {@code java -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -cp <test classpath>
 * org.chat.infra.mongo.StoreStress <threads> <documents per thread>}. Prints OK and exits 0 only when every
 * document came back; a failure prints what was lost and exits 1.
 */
public final class StoreStress {

	private static final int BATCH = 100;

	private StoreStress() {
	}

	public static void main(String[] args) throws Exception {
		int threads = Integer.parseInt(args[0]);
		int documents = Integer.parseInt(args[1]);
		Path file = Files.createTempDirectory("store-stress").resolve("chat.mv.db");
		long start = System.nanoTime();
		try (MongoStore store = MongoStore.startWithFile(file, 0);
				MongoClient client = MongoClients.create(store.uri("chat"))) {
			ExecutorService workers = Executors.newFixedThreadPool(threads);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				MongoCollection<Document> collection = client.getDatabase("chat").getCollection("c" + t);
				int seed = t;
				done.add(workers.submit(() -> write(collection, seed, documents)));
			}
			for (Future<?> worker : done) {
				worker.get();
			}
			workers.shutdown();
		}
		System.out.printf("wrote %d × %,d documents in %.1f s; reopening %s (%,d MB)%n", threads, documents,
				(System.nanoTime() - start) / 1e9, file, Files.size(file) >> 20);
		long lost = 0;
		try (MongoStore store = MongoStore.startWithFile(file, 0);
				MongoClient client = MongoClients.create(store.uri("chat"))) {
			for (int t = 0; t < threads; t++) {
				MongoCollection<Document> collection = client.getDatabase("chat").getCollection("c" + t);
				Random random = new Random(t);
				for (int from = 0; from < documents; from += BATCH) {
					Set<String> ids = new HashSet<>();
					for (int i = from; i < Math.min(documents, from + BATCH); i++) {
						ids.add(id(random));
					}
					lost += ids.size() - collection.countDocuments(Filters.in("_id", ids));
				}
			}
		}
		if (lost > 0) {
			System.out.printf("FAILED: %,d documents missing after the reopen%n", lost);
			System.exit(1);
		}
		System.out.printf("OK: %d × %,d documents all read back after the reopen, %.1f s in all%n", threads, documents,
				(System.nanoTime() - start) / 1e9);
		Files.delete(file);
	}

	private static void write(MongoCollection<Document> collection, int seed, int documents) {
		Random random = new Random(seed);
		Random probes = new Random(-seed);
		List<String> written = new ArrayList<>(documents);
		for (int from = 0; from < documents; from += BATCH) {
			List<Document> batch = new ArrayList<>(BATCH);
			for (int i = from; i < Math.min(documents, from + BATCH); i++) {
				String id = id(random);
				written.add(id);
				batch.add(new Document("_id", id).append("seq", (long) i).append("text", "hello there, message " + i));
			}
			collection.insertMany(batch);
			Set<String> sample = new HashSet<>();
			for (int k = 0; k < BATCH; k++) {
				sample.add(written.get(probes.nextInt(written.size())));
			}
			long found = collection.countDocuments(Filters.in("_id", sample));
			if (found != sample.size()) {
				throw new IllegalStateException("collection " + seed + ": found " + found + " of " + sample.size());
			}
			collection.updateMany(Filters.in("_id", sample), Updates.set("deliveredAt", new Date()));
		}
	}

	private static String id(Random random) {
		return String.format("%016x%08x", random.nextLong(), random.nextInt());
	}

}

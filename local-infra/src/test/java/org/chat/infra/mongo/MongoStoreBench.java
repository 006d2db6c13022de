package org.chat.infra.mongo;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Prints throughput and CPU of the Mongo store backends through the real driver (client and store
 * share this JVM, so CPU includes the driver's share, the same for every backend). Run one backend per
 * JVM: {@code java -cp <test classpath> org.chat.infra.mongo.MongoStoreBench bson|h2|memory [documents] [cache MB]}.
 */
public final class MongoStoreBench {

	private static final int BATCH = 500;

	private static final int ROUNDS = 100;

	private static final long SETTLE_MILLIS = 2_000;

	private static final int WARMUP_DOCUMENTS = 20_000;

	private MongoStoreBench() {
	}

	public static void main(String[] args) throws Exception {
		String backend = args[0];
		int documents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int cacheMb = args.length > 2 ? Integer.parseInt(args[2]) : BsonFileBackend.DEFAULT_CACHE_MB;
		Path dir = Files.createTempDirectory("mongo-bench");
		try (MongoStore store = start(backend, dir.resolve("bench.mv.db"), cacheMb);
				MongoClient client = MongoClients.create(store.uri("chat"))) {
			MongoDatabase chat = client.getDatabase("chat");
			// Warm the JIT up first: its compiler threads would otherwise bill the first phase.
			run(chat.getCollection("warmup"), WARMUP_DOCUMENTS, null);
			chat.getCollection("warmup").drop();
			run(chat.getCollection("messages"), documents, backend);
		}
		finally {
			// A run leaves half a gigabyte of file behind.
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	/** @param backend null runs the phases without printing */
	private static void run(MongoCollection<Document> messages, int documents, String backend)
			throws InterruptedException {
		Random random = new Random(42);
		List<String> ids = new ArrayList<>();
		Phase insert = new Phase(backend, "insertMany random 24-hex _id (batches of " + BATCH + ")");
		for (int start = 0; start < documents; start += BATCH) {
			List<Document> batch = new ArrayList<>();
			for (int i = start; i < Math.min(documents, start + BATCH); i++) {
				String id = objectIdHex(random);
				ids.add(id);
				batch.add(message(id, i, random));
			}
			messages.insertMany(batch);
		}
		insert.done(documents);

		Phase find = new Phase(backend, "find _id $in " + BATCH);
		long found = 0;
		for (int round = 0; round < ROUNDS; round++) {
			found += messages.find(Filters.in("_id", sample(ids, random))).into(new ArrayList<>()).size();
		}
		find.done(found);

		Phase update = new Phase(backend, "updateMany _id $in " + BATCH + " set deliveredAt");
		long updated = 0;
		for (int round = 0; round < ROUNDS; round++) {
			updated += messages.updateMany(Filters.in("_id", sample(ids, random)), Updates.set("deliveredAt", new Date()))
				.getModifiedCount();
		}
		update.done(updated);

		Phase scan = new Phase(backend, "scan: conversation, sort seq desc, limit 50");
		long scanned = 0;
		for (int round = 0; round < 10; round++) {
			messages.find(Filters.eq("conversationId", "c" + random.nextInt(50)))
				.sort(Sorts.descending("seq"))
				.limit(50)
				.into(new ArrayList<>());
			scanned += documents;
		}
		scan.done(scanned);
	}

	private static MongoStore start(String backend, Path file, int cacheMb) throws Exception {
		return switch (backend) {
			case "bson" -> MongoStore.startWithFile(file, 0, cacheMb);
			case "h2" -> MongoStore.bind(new H2Backend(file.toString()), 0);
			case "memory" -> MongoStore.startInMemory(0);
			default -> throw new IllegalArgumentException("bson, h2 or memory, not " + backend);
		};
	}

	private static Document message(String id, int seq, Random random) {
		return new Document("_id", id).append("conversationId", "c" + random.nextInt(50))
			.append("senderId", "u" + random.nextInt(200))
			.append("recipientId", "u" + random.nextInt(200))
			.append("clientMessageId", UUID.randomUUID().toString())
			.append("seq", (long) seq)
			.append("text", "hello there, message number " + seq)
			.append("sentAt", new Date(1_700_000_000_000L + seq));
	}

	/** Message ids are effectively random (hashed), so every insert lands on a random leaf of the _id index. */
	private static String objectIdHex(Random random) {
		return String.format("%016x%08x", random.nextLong(), random.nextInt());
	}

	private static List<String> sample(List<String> ids, Random random) {
		List<String> sample = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			sample.add(ids.get(random.nextInt(ids.size())));
		}
		return sample;
	}

	/** Wall time and process CPU time of one phase. */
	private static final class Phase {

		private final String backend;

		private final String name;

		private final long startNanos = System.nanoTime();

		private final long startCpu = cpuNanos();

		Phase(String backend, String name) {
			this.backend = backend;
			this.name = name;
		}

		void done(long documents) throws InterruptedException {
			if (backend == null) {
				return;
			}
			double seconds = (System.nanoTime() - startNanos) / 1e9;
			// The file store commits in the background about once a second: count that commit in its phase.
			Thread.sleep(SETTLE_MILLIS);
			double cpuSeconds = (cpuNanos() - startCpu) / 1e9;
			System.out.printf("%-7s %-46s %9d docs %7.2f s %10.0f docs/s  CPU %7.2f s  %7.1f µs CPU/doc%n", backend, name,
					documents, seconds, documents / seconds, cpuSeconds, cpuSeconds * 1e6 / documents);
		}

		private static long cpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

	}

}

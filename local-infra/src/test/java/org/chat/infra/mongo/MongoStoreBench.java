package org.chat.infra.mongo;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Prints what the local Mongo store costs, through the real driver (client and store share this JVM): bulk
 * insert rate and CPU per document, the latency of {@code _id $in} lookups once the collection holds every
 * document, and the store's footprint (heap per document for the memory backend, file bytes per document for
 * the file backend). CPU per document and heap/file per document stay meaningful on a loaded machine; wall
 * rates and latencies do not, so the load average is printed with them.
 * <p>
 * One backend per JVM, so one's garbage or JIT state does not bill the other:
 * {@code java -Xmx3g -XX:+UseSerialGC -cp <test classpath> org.chat.infra.mongo.MongoStoreBench memory|h2 [documents]}.
 */
public final class MongoStoreBench {

	private static final int INSERT_BATCH = 500;

	private static final int LOOKUP_IDS = 100;

	private static final int LOOKUPS = 500;

	private static final int WARMUP_DOCUMENTS = 20_000;

	private static final int CONVERSATIONS = 5_000;

	private MongoStoreBench() {
	}

	public static void main(String[] args) throws Exception {
		String backend = args[0];
		int documents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		Path dir = Files.createTempDirectory("mongo-bench");
		Path file = dir.resolve("bench.mv.db");
		try {
			try (MongoStore store = start(backend, file);
					MongoClient client = MongoClients.create(store.uri("chat"))) {
				MongoDatabase chat = client.getDatabase("chat");
				// Warm the JIT up first: its compiler threads would otherwise bill the first phase.
				insert(chat.getCollection("warmup"), -WARMUP_DOCUMENTS, WARMUP_DOCUMENTS, null);
				lookups(chat.getCollection("warmup"), -WARMUP_DOCUMENTS, WARMUP_DOCUMENTS, null);
				chat.getCollection("warmup").drop();
				long heapBefore = liveHeap();

				MongoCollection<Document> messages = chat.getCollection("messages");
				insert(messages, 0, documents, backend);
				lookups(messages, 0, documents, backend);
				if (!Files.exists(file)) {
					// The memory backend: its footprint is the heap it holds. (The file backend's heap is a page cache.)
					long heapAfter = liveHeap();
					System.out.printf("%-7s live heap after %,d documents: %,d MB, %,d B per document (%,d MB per 1M)%n",
							backend, documents, heapAfter >> 20, (heapAfter - heapBefore) / documents,
							(heapAfter - heapBefore) * 1_000_000L / documents >> 20);
				}
			}
			if (Files.exists(file)) {
				long size = Files.size(file);
				System.out.printf("%-7s file after close: %,d MB, %,d B per document%n", backend, size >> 20,
						size / documents);
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	private static MongoStore start(String backend, Path file) throws Exception {
		return switch (backend) {
			case "memory" -> MongoStore.startInMemory(0);
			case "h2" -> MongoStore.startWithFile(file, 0);
			default -> throw new IllegalArgumentException("memory or h2, not " + backend);
		};
	}

	/** Documents {@code first .. first + count - 1}, in bulk inserts. @param backend null: do not print */
	private static void insert(MongoCollection<Document> messages, int first, int count, String backend) {
		long startNanos = System.nanoTime();
		long startCpu = cpuNanos();
		List<Document> batch = new ArrayList<>(INSERT_BATCH);
		for (int i = first; i < first + count; i++) {
			batch.add(message(i));
			if (batch.size() == INSERT_BATCH || i == first + count - 1) {
				messages.insertMany(batch);
				batch.clear();
			}
		}
		if (backend != null) {
			double seconds = (System.nanoTime() - startNanos) / 1e9;
			System.out.printf("%-7s insertMany (batches of %d) %,d documents: %.1f s, %,.0f docs/s, %.1f µs CPU per document"
					+ " (load average %.1f)%n", backend, INSERT_BATCH, count, seconds, count / seconds,
					(cpuNanos() - startCpu) / 1e3 / count, loadAverage());
		}
	}

	/** {@code find({_id: {$in: 100 random ids}})}, one at a time. @param backend null: do not print */
	private static void lookups(MongoCollection<Document> messages, int first, int count, String backend) {
		Random random = new Random(7);
		long[] micros = new long[LOOKUPS];
		long startCpu = cpuNanos();
		for (int round = 0; round < LOOKUPS; round++) {
			Set<String> ids = new HashSet<>();
			while (ids.size() < LOOKUP_IDS) {
				ids.add(id(first + random.nextInt(count)));
			}
			long start = System.nanoTime();
			int found = messages.find(Filters.in("_id", ids)).into(new ArrayList<>()).size();
			micros[round] = (System.nanoTime() - start) / 1_000;
			if (found != LOOKUP_IDS) {
				throw new IllegalStateException("found " + found + " of " + LOOKUP_IDS);
			}
		}
		if (backend != null) {
			Arrays.sort(micros);
			System.out.printf("%-7s find _id $in %d ids among %,d documents, %d queries: p50 %.2f ms, p90 %.2f ms, "
					+ "p99 %.2f ms, max %.2f ms, %.0f µs CPU per query (load average %.1f)%n", backend, LOOKUP_IDS, count,
					LOOKUPS, micros[LOOKUPS / 2] / 1e3, micros[LOOKUPS * 9 / 10] / 1e3, micros[LOOKUPS * 99 / 100] / 1e3,
					micros[LOOKUPS - 1] / 1e3, (cpuNanos() - startCpu) / 1e3 / LOOKUPS, loadAverage());
		}
	}

	/** Shaped like the message-service's {@code messages} documents. */
	private static Document message(int i) {
		int conversation = Math.floorMod(i * 31, CONVERSATIONS);
		Date createdAt = new Date(1_700_000_000_000L + i);
		return new Document("_id", id(i)).append("conversationId", "user" + conversation + ":user" + (conversation + 1))
			.append("sender", "user" + conversation)
			.append("recipient", "user" + (conversation + 1))
			.append("text", "hello there, this is message number " + i)
			.append("isPrivate", true)
			.append("isRead", false)
			.append("createdAt", createdAt)
			.append("deliveredAt", null)
			.append("readAt", null)
			.append("clientMessageId", "c-" + i)
			.append("seq", 1_700_000_000_000_000L + i)
			.append("partition", i % 12)
			.append("offset", (long) i);
	}

	/** Message ids are hashes: spread like them, and derived from {@code i} so the bench keeps no list of them. */
	static String id(int i) {
		long h = i * 0x9E3779B97F4A7C15L;
		h ^= h >>> 29;
		h *= 0xBF58476D1CE4E5B9L;
		h ^= h >>> 32;
		return String.format("%016x%08x", h, i);
	}

	private static long liveHeap() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}

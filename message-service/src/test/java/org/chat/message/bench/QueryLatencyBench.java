package org.chat.message.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.chat.message.consume.InboundRecord;
import org.chat.message.support.Harness;
import org.chat.message.support.Harness.SyncPage;
import org.chat.message.support.Records;

/**
 * Sync and history latency on the embedded store (mongo-java-server, memory backend, in process) with a large
 * number of stored messages: they must not grow with the store. Stores {@code bench.messages} (default
 * 1,000,000) messages through the real send pipeline in batches of 500 over 12 partitions between
 * {@code bench.users} users, then times {@code bench.queries} queries of each kind and prints p50/p99/max.
 * <p>
 * Run: {@code ./mvnw -q -pl message-service -am test-compile && java -Xmx6g -cp "$(cat message-service/target/bench.classpath)" ...}
 * — see docs/MESSAGE-SERVICE.md "Tests and benchmarks" for the exact command.
 */
public final class QueryLatencyBench {

	private static final int PARTITIONS = 12;

	private static final int BATCH = 500;

	private QueryLatencyBench() {
	}

	public static void main(String[] args) {
		int total = Integer.getInteger("bench.messages", 1_000_000);
		int users = Integer.getInteger("bench.users", 1_000);
		int queries = Integer.getInteger("bench.queries", 1_000);
		Harness h = new Harness();
		long[] offsets = new long[PARTITIONS];
		Random random = new Random(42);
		long start = System.nanoTime();
		for (int i = 0; i < total; i += BATCH) {
			List<InboundRecord> batch = new ArrayList<>(BATCH);
			for (int j = i; j < Math.min(total, i + BATCH); j++) {
				String from = "u" + random.nextInt(users);
				String to = "u" + random.nextInt(users);
				int partition = Math.floorMod((from.compareTo(to) < 0 ? from + to : to + from).hashCode(), PARTITIONS);
				batch.add(Records.send(partition, offsets[partition]++, from, to, "m" + j));
			}
			h.process(batch.toArray(InboundRecord[]::new));
			h.published.clear();
			if ((i + BATCH) % 100_000 == 0) {
				System.out.printf("stored %,d messages (%.0f/s)%n", i + BATCH, (i + BATCH) / seconds(start));
			}
		}
		System.out.printf("stored %,d messages for %,d users in %.0f s; heap used %,d MB%n", total, users,
				seconds(start), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

		// a reconnect: the user synced a while ago; a few messages arrived since
		String[] tokens = new String[users];
		for (int u = 0; u < users; u++) {
			tokens[u] = chainEnd(h, "u" + u);
		}
		for (int i = 0; i < users; i++) {
			String from = "u" + random.nextInt(users);
			String to = "u" + random.nextInt(users);
			int partition = Math.floorMod((from.compareTo(to) < 0 ? from + to : to + from).hashCode(), PARTITIONS);
			h.process(Records.send(partition, offsets[partition]++, from, to, "late" + i));
		}
		h.published.clear();
		report("sync after a reconnect (token)", queries, q -> h.sync("u" + q % users, tokens[q % users], 100));
		report("sync from the start, first page", queries, q -> h.sync("u" + q % users, null, 100));
		report("history, newest page of 50", queries,
				q -> h.history("u" + q % users, "u" + (q * 7 + 1) % users, null, 50));
		h.published.clear();
	}

	private static String chainEnd(Harness h, String user) {
		SyncPage page = h.sync(user, null, 100);
		while (page.hasMore()) {
			page = h.sync(user, page.next(), 100);
		}
		h.published.clear();
		return page.next();
	}

	private static void report(String name, int queries, java.util.function.IntConsumer query) {
		for (int q = 0; q < Math.min(200, queries); q++) {
			query.accept(q); // warm-up
		}
		long[] micros = new long[queries];
		for (int q = 0; q < queries; q++) {
			long t = System.nanoTime();
			query.accept(q);
			micros[q] = (System.nanoTime() - t) / 1_000;
		}
		Arrays.sort(micros);
		System.out.printf("%-36s %,6d queries  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", name, queries,
				micros[queries / 2] / 1e3, micros[(int) (queries * 0.99)] / 1e3, micros[queries - 1] / 1e3);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}

package org.chat.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Several collections written in parallel, one thread each (as pooled client connections do), with
 * MVStore's background commit: inserts with a unique check, lookups and overwrites, straight on the
 * store's maps and types. {@code StoreStress <threads> <documents per thread> <cache MB> <mode>}; mode
 * -1 is a plain MVStore that only prints a background failure and keeps running (what the store did
 * before), 0 the store's own settings ({@link BsonFileBackend#open}). Exit 0: all data read back.
 */
public final class StoreStress {

	public static void main(String[] args) throws Exception {
		int threads = Integer.parseInt(args[0]);
		int docsPerThread = Integer.parseInt(args[1]);
		int cacheMb = Integer.parseInt(args[2]);
		int fillRate = Integer.parseInt(args[3]);
		// A run leaves its file in the temporary directory, for reopening after a failure.
		Path dir = Files.createTempDirectory("stress");
		MVStore store = fillRate < 0
				? new MVStore.Builder().fileName(dir.resolve("s.mv.db").toString()).cacheSize(cacheMb)
					.backgroundExceptionHandler((thread, e) -> {
						System.out.println("PANIC in " + thread.getName() + ": " + e);
					}).open()
				: BsonFileBackend.open(dir.resolve("s.mv.db"), cacheMb).getMvStore();
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int n = t;
			MVMap<KeyValue, Object> index = store.openMap("c" + n + "._index__id",
					new MVMap.Builder<KeyValue, Object>().keyType(StoredTypes.INDEX_KEYS).valueType(StoredTypes.POSITIONS));
			MVMap<Object, byte[]> data = store.openMap("databases.c" + n,
					new MVMap.Builder<Object, byte[]>().keyType(StoredTypes.POSITIONS).valueType(StoredDocumentBytes.TYPE));
			Thread worker = new Thread(() -> {
				try {
					work(n, index, data, docsPerThread);
				}
				catch (Throwable e) {
					System.out.println("FAILED in worker " + n);
					e.printStackTrace(System.out);
					System.out.flush();
					Runtime.getRuntime().halt(1);
				}
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		store.close();
		System.out.printf("threads=%d docs=%d cache=%d mode=%d %.1f s OK%n", threads, docsPerThread, cacheMb, fillRate,
				(System.nanoTime() - start) / 1e9);
	}

	private static void work(int n, MVMap<KeyValue, Object> index, MVMap<Object, byte[]> data, int docs) {
		Random random = new Random(n);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < docs; i++) {
			String id = String.format("%016x%08x", random.nextLong(), random.nextInt());
			ids.add(id);
			if (index.get(new KeyValue(id)) != null || !(index.putIfAbsent(new KeyValue(id), id) == null)) {
				throw new IllegalStateException("duplicate " + id);
			}
			data.put(id, StoredBson.document(new de.bwaldvogel.mongo.bson.Document("_id", id).append("seq", (long) i)
				.append("text", "hello there, message number " + i)));
			if (i % 500 == 499) {
				for (int k = 0; k < 500; k++) {
					String probe = ids.get(random.nextInt(ids.size()));
					if (index.get(new KeyValue(probe)) == null || data.get(probe) == null) {
						throw new IllegalStateException("lost " + probe);
					}
					if (k % 2 == 0) {
						data.put(probe, StoredBson.document(new de.bwaldvogel.mongo.bson.Document("_id", probe)
							.append("seq", (long) k).append("deliveredAt", new java.util.Date())));
					}
				}
			}
		}
	}

}

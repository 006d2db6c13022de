package org.chat.infra.mongo;

import java.nio.file.Path;
import java.util.Map;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 MVStore backend with {@link BsonDatabase}s: same durability (the MVStore file,
 * committed in the background and on close), compact BSON instead of Java serialization.
 */
final class BsonFileBackend extends H2Backend {

	private static final Logger log = LoggerFactory.getLogger(BsonFileBackend.class);

	/** MVStore's own default page cache, in MB. */
	static final int DEFAULT_CACHE_MB = 16;

	/**
	 * Changes (MVStore's estimate of their heap, in KB) that trigger a commit. MVStore's default is 19 MB,
	 * but random {@code _id}s dirty a whole leaf page per insert while only the entry is counted: the
	 * chunk of one commit grew to the whole tree (80–120 MB buffers at 300k documents), which no small
	 * heap holds. Committing every 2 MB keeps chunks to a few MB.
	 */
	static final int COMMIT_BUFFER_KB = Integer.getInteger("chat.mongo.commit-kb", 2 * 1024);

	/** The exit status of a store process stopped by a failed background write (EX_SOFTWARE). */
	static final int PANIC_EXIT_STATUS = 70;

	/** A map no database name can claim (databases drop maps named "<db>.*"). */
	static final String FORMAT_MAP = "store-format";

	static final String FORMAT = "bson-1";

	private BsonFileBackend(MVStore store) {
		super(store);
	}

	/**
	 * Opens or creates {@code file}. A file written by another format (mongo-java-server's own H2
	 * backend, Java-serialized) is refused rather than misread.
	 *
	 * @param cacheMb MVStore's page cache; it lives on the heap with the unsaved pages and the chunk
	 * being written, so the heap must leave room for those too (docs/LOCAL.md)
	 */
	static BsonFileBackend open(Path file, int cacheMb) {
		// Background compaction off: rewriting and moving chunks costs heap and I/O the store does not need
		// (chunks whose pages are all dead are still freed), and H2 2.4.240 has a known race in it (#4374).
		MVStore store = new MVStore.Builder().fileName(file.toString())
			.cacheSize(cacheMb)
			.autoCommitBufferSize(COMMIT_BUFFER_KB)
			.autoCompactFillRate(0)
			.backgroundExceptionHandler((thread, failure) -> stopOnPanic(file, thread, failure))
			.open();
		try {
			if (!store.hasMap(FORMAT_MAP) && !store.getMapNames().isEmpty()) {
				throw new IllegalStateException(file + " holds data in another store format; move it away to start empty");
			}
			Map<String, String> format = store.openMap(FORMAT_MAP);
			if (!format.isEmpty() && !FORMAT.equals(format.get("format"))) {
				throw new IllegalStateException(file + " has store format " + format.get("format") + ", expected " + FORMAT);
			}
			format.put("format", FORMAT);
			return new BsonFileBackend(store);
		}
		catch (RuntimeException e) {
			store.closeImmediately();
			throw e;
		}
	}

	/**
	 * MVStore calls this when a commit fails in its serialization or save thread (typically an
	 * OutOfMemoryError growing the chunk buffer). H2 2.4.240 then keeps the store open (h2database #4338)
	 * and hands the failed chunk's id to the next chunk, so pages already given positions in the lost
	 * chunk read back as another chunk's bytes: the garbled index pages of docs/LOCAL.md. Nothing after
	 * such a failure can be trusted, and the file on disk still ends at the last good chunk, so the
	 * process stops at once (no shutdown hooks: they would commit the broken state).
	 */
	private static void stopOnPanic(Path file, Thread thread, Throwable failure) {
		log.error("Mongo store {} failed in MVStore thread {}; stopping the process so the failed write cannot "
				+ "corrupt the file (it reopens at its last complete commit)", file, thread.getName(), failure);
		Runtime.getRuntime().halt(PANIC_EXIT_STATUS);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// Called from H2Backend's constructor too, so it may use nothing but what the superclass holds.
		return new BsonDatabase(databaseName, getMvStore(), getCursorRegistry());
	}

}

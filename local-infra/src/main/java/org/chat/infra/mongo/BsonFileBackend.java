package org.chat.infra.mongo;

import java.nio.file.Path;
import java.util.Map;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 MVStore backend with {@link BsonDatabase}s: same durability (the MVStore file,
 * committed in the background and on close), compact BSON instead of Java serialization.
 */
final class BsonFileBackend extends H2Backend {

	/** A map no database name can claim (databases drop maps named "<db>.*"). */
	static final String FORMAT_MAP = "store-format";

	static final String FORMAT = "bson-1";

	private BsonFileBackend(MVStore store) {
		super(store);
	}

	/**
	 * Opens or creates {@code file}. A file written by another format (mongo-java-server's own H2
	 * backend, Java-serialized) is refused rather than misread.
	 */
	static BsonFileBackend open(Path file) {
		// Background compaction off: with it on, an index page was occasionally read back garbled under
		// sustained random-key inserts (docs/LOCAL.md, "open problem"); 0 of 4 bench runs without it. Chunks
		// whose pages are all dead are still freed, so the file grows only by partly live chunks.
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
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

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// Called from H2Backend's constructor too, so it may use nothing but what the superclass holds.
		return new BsonDatabase(databaseName, getMvStore(), getCursorRegistry());
	}

}

package org.chat.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.chat.infra.InfraMain;
import org.chat.infra.LaunchOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java org.chat.infra.mongo.MongoMain [--port=27017] [--data-dir=.chat/data/mongo]
 * [--cache-mb=16]}; env CHAT_MONGO_PORT, CHAT_MONGO_DATA_DIR, CHAT_MONGO_CACHE_MB (the page cache, on the
 * heap: see docs/LOCAL.md for the heap it needs). Data lives in {@code <data-dir>/chat-bson.mv.db} (H2 MVStore,
 * BSON entries).
 */
public final class MongoMain {

	private static final Logger log = LoggerFactory.getLogger(MongoMain.class);

	private static final String STORE_FILE = "chat-bson.mv.db";

	/** Written by mongo-java-server's own H2 backend (Java-serialized entries) before the BSON store. */
	private static final String OLD_FORMAT_FILE = "chat.mv.db";

	private MongoMain() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		InfraMain.run("mongo", () -> {
			LaunchOptions options = LaunchOptions.parse(args, Set.of("port", "data-dir", "cache-mb"));
			int port = options.intValue("port", "CHAT_MONGO_PORT", MongoStore.DEFAULT_PORT);
			Path dir = options.pathValue("data-dir", "CHAT_MONGO_DATA_DIR", Path.of(".chat", "data", "mongo"))
				.toAbsolutePath();
			int cacheMb = options.intValue("cache-mb", "CHAT_MONGO_CACHE_MB", BsonFileBackend.DEFAULT_CACHE_MB);
			Path file = dir.resolve(STORE_FILE);
			if (Files.exists(dir.resolve(OLD_FORMAT_FILE))) {
				log.warn("{} is in the old store format and is not migrated (dev data): the store uses {}; delete the old file "
						+ "to reclaim its space", dir.resolve(OLD_FORMAT_FILE), file);
			}
			MongoStore store = MongoStore.startWithFile(file, port, cacheMb);
			return new InfraMain.Running("MongoDB wire protocol on " + MongoStore.HOST + ":" + store.port() + ", data " + file
					+ ", cache " + cacheMb + " MB",
					store);
		});
	}

}

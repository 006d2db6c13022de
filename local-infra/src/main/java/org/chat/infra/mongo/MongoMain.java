package org.chat.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.chat.infra.InfraMain;
import org.chat.infra.LaunchOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java org.chat.infra.mongo.MongoMain [--port=27017] [--persist=false] [--data-dir=.chat/data/mongo]};
 * env CHAT_MONGO_PORT, CHAT_MONGO_PERSIST, CHAT_MONGO_DATA_DIR. By default the data lives in this process's heap
 * and is gone when it stops; with persist on it lives in {@code <data-dir>/chat.mv.db} (mongo-java-server's H2
 * backend) and survives restarts.
 */
public final class MongoMain {

	static final String STORE_FILE = "chat.mv.db";

	/** Left by earlier versions, whose file backend wrote its own format; the H2 backend cannot read it. */
	private static final String RETIRED_FILE = "chat-bson.mv.db";

	private MongoMain() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		InfraMain.run("mongo", () -> {
			LaunchOptions options = LaunchOptions.parse(args, Set.of("port", "persist", "data-dir"));
			int port = options.intValue("port", "CHAT_MONGO_PORT", MongoStore.DEFAULT_PORT);
			boolean persist = options.booleanValue("persist", "CHAT_MONGO_PERSIST", false);
			Path dir = options.pathValue("data-dir", "CHAT_MONGO_DATA_DIR", Path.of(".chat", "data", "mongo"))
				.toAbsolutePath();
			if (!persist) {
				MongoStore store = MongoStore.startInMemory(port);
				return new InfraMain.Running("MongoDB wire protocol on " + MongoStore.HOST + ":" + store.port()
						+ ", in memory (gone when this process stops; CHAT_MONGO_PERSIST=1 keeps it in " + dir + ")", store);
			}
			if (Files.exists(dir.resolve(RETIRED_FILE))) {
				// not a static field: a logger made before useInfraLogging() would start logback at DEBUG
				Logger log = LoggerFactory.getLogger(MongoMain.class);
				log.warn("{} is in a retired store format and is not read; delete it to reclaim its space",
						dir.resolve(RETIRED_FILE));
			}
			Path file = dir.resolve(STORE_FILE);
			MongoStore store = MongoStore.startWithFile(file, port);
			return new InfraMain.Running("MongoDB wire protocol on " + MongoStore.HOST + ":" + store.port() + ", data "
					+ file + " (H2)", store);
		});
	}

}

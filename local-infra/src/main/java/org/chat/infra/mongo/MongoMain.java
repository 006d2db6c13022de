package org.chat.infra.mongo;

import java.nio.file.Path;
import java.util.Set;

import org.chat.infra.InfraMain;
import org.chat.infra.LaunchOptions;

/**
 * {@code java org.chat.infra.mongo.MongoMain [--port=27017] [--data-dir=.chat/data/mongo]}; env
 * CHAT_MONGO_PORT, CHAT_MONGO_DATA_DIR. Data lives in {@code <data-dir>/chat.mv.db} (H2 MVStore).
 */
public final class MongoMain {

	private static final String STORE_FILE = "chat.mv.db";

	private MongoMain() {
	}

	public static void main(String[] args) {
		InfraMain.useInfraLogging();
		InfraMain.run("mongo", () -> {
			LaunchOptions options = LaunchOptions.parse(args, Set.of("port", "data-dir"));
			int port = options.intValue("port", "CHAT_MONGO_PORT", MongoStore.DEFAULT_PORT);
			Path file = options.pathValue("data-dir", "CHAT_MONGO_DATA_DIR", Path.of(".chat", "data", "mongo"))
				.toAbsolutePath()
				.resolve(STORE_FILE);
			MongoStore store = MongoStore.startWithFile(file, port);
			return new InfraMain.Running("MongoDB wire protocol on " + MongoStore.HOST + ":" + store.port() + ", data " + file,
					store);
		});
	}

}

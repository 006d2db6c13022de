package org.chat.infra.mongo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server): an H2 MVStore file backend storing BSON
 * ({@link BsonFileBackend}) so data survives a restart, or an in-memory backend for tests.
 */
public final class MongoStore implements AutoCloseable {

	public static final int DEFAULT_PORT = 27017;

	public static final String HOST = "127.0.0.1";

	private final MongoServer server;

	private final InetSocketAddress address;

	private MongoStore(MongoServer server, InetSocketAddress address) {
		this.server = server;
		this.address = address;
	}

	/** @param port 0 picks a free port */
	public static MongoStore startInMemory(int port) {
		return bind(new MemoryBackend(), port);
	}

	/**
	 * @param file H2 MVStore file, created on first start and reused afterwards; a file in another
	 * store format is refused with an IllegalStateException, never misread
	 */
	public static MongoStore startWithFile(Path file, int port) throws IOException {
		return startWithFile(file, port, BsonFileBackend.DEFAULT_CACHE_MB);
	}

	/** @param cacheMb the file store's page cache, on this JVM's heap */
	public static MongoStore startWithFile(Path file, int port, int cacheMb) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return bind(BsonFileBackend.open(file, cacheMb), port);
	}

	/** Package-private for the store benchmark, which compares backends. */
	static MongoStore bind(MongoBackend backend, int port) {
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(HOST, port);
		}
		catch (RuntimeException e) {
			server.shutdownNow();
			throw e;
		}
		return new MongoStore(server, server.getLocalAddress());
	}

	public int port() {
		return address.getPort();
	}

	/** A connection string for {@code database}, e.g. {@code mongodb://127.0.0.1:27017/chat}. */
	public String uri(String database) {
		return "mongodb://" + HOST + ":" + port() + "/" + database;
	}

	/** Closes client connections and the backend, which flushes the H2 file. */
	@Override
	public void close() {
		server.shutdown();
	}

}

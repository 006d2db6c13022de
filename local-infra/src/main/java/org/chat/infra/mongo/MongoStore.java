package org.chat.infra.mongo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on one of its own backends: in memory, or its H2
 * MVStore backend when the data must survive a restart of the store. It is not MongoDB: the README lists what
 * the services use of it and what they concede to it.
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
	 * @param file the H2 MVStore file, created on the first start and reopened afterwards; writes reach it by
	 * MVStore's background commit (about every second) and on {@link #close()}
	 * @param port 0 picks a free port
	 */
	public static MongoStore startWithFile(Path file, int port) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return bind(new H2Backend(file.toString()), port);
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

	/** Closes client connections and the backend (the file backend commits and closes its file). */
	@Override
	public void close() {
		server.shutdown();
	}

}

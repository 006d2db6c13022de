package org.chat.message.support;

import java.net.InetSocketAddress;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** One mongo-java-server (memory backend) per test JVM; each caller gets its own database. */
public final class InProcessMongo {

	private static MongoClient client;

	private static int databases;

	private InProcessMongo() {
	}

	public static synchronized ReactiveMongoTemplate newDatabase() {
		if (client == null) {
			MongoServer server = new MongoServer(new MemoryBackend());
			InetSocketAddress address = server.bind();
			client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
		}
		return new ReactiveMongoTemplate(client, "test" + (++databases));
	}

}

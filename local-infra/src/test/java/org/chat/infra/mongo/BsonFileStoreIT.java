package org.chat.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

class BsonFileStoreIT {

	@TempDir
	Path dir;

	@Test
	void documentsIndexesAndDuplicateKeyErrorsSurviveAReopen() throws Exception {
		Path file = dir.resolve("store.mv.db");
		try (MongoStore store = MongoStore.startWithFile(file, 0); MongoClient client = MongoClients.create(store.uri("chat"))) {
			MongoCollection<Document> messages = client.getDatabase("chat").getCollection("messages");
			messages.createIndex(Indexes.ascending("sender", "clientMessageId"),
					new IndexOptions().unique(true).name("sender_client"));
			messages.insertMany(List.of(message("m1", "alice", "c1", 1), message("m2", "bob", "c1", 2),
					message("m3", "alice", "c2", 3)));
			messages.updateOne(Filters.eq("_id", "m2"), Updates.set("text", "edited"));
			messages.deleteOne(Filters.eq("_id", "m3"));
		}

		try (MongoStore store = MongoStore.startWithFile(file, 0); MongoClient client = MongoClients.create(store.uri("chat"))) {
			MongoCollection<Document> messages = client.getDatabase("chat").getCollection("messages");
			assertThat(messages.find().sort(Indexes.ascending("_id")).into(new java.util.ArrayList<>())).containsExactly(
					message("m1", "alice", "c1", 1), message("m2", "bob", "c1", 2).append("text", "edited"));
			assertThat(messages.listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>()))
				.contains("_id_", "sender_client");
			assertThatThrownBy(() -> messages.insertOne(message("m9", "alice", "c1", 9)))
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key")
				.hasMessageContaining("sender_client");
			assertThatThrownBy(() -> messages.insertOne(message("m1", "carol", "c7", 9)))
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key")
				.hasMessageContaining("_id_");
			messages.insertOne(message("m3", "alice", "c2", 3)); // its index entries went with the delete
			assertThat(messages.countDocuments(Filters.in("_id", "m1", "m2", "m3", "nope"))).isEqualTo(3);
		}
	}

	@Test
	void aFileInMongoJavaServersOwnFormatIsRefusedNotMisread() {
		Path file = dir.resolve("old.mv.db");
		try (MongoStore old = MongoStore.bind(new H2Backend(file.toString()), 0);
				MongoClient client = MongoClients.create(old.uri("chat"))) {
			client.getDatabase("chat").getCollection("users").insertOne(new Document("_id", "alice"));
		}

		assertThatThrownBy(() -> MongoStore.startWithFile(file, 0)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("another store format");
	}

	private static Document message(String id, String sender, String clientMessageId, int seq) {
		return new Document("_id", id).append("sender", sender).append("clientMessageId", clientMessageId).append("seq", seq);
	}

}

package org.chat.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreIT {

	@TempDir
	Path dir;

	@Test
	void insertsFindsAndEnforcesAUniqueIndex() {
		try (MongoStore store = MongoStore.startInMemory(0); MongoClient client = MongoClients.create(store.uri("chat"))) {
			MongoCollection<Document> messages = client.getDatabase("chat").getCollection("messages");
			messages.createIndex(Indexes.ascending("sender", "clientMessageId"), new IndexOptions().unique(true));
			messages.insertOne(new Document("_id", "m1").append("sender", "alice").append("clientMessageId", "c1"));

			assertThat(messages.find(new Document("sender", "alice")).first()).containsEntry("_id", "m1");
			assertThatThrownBy(() -> messages
				.insertOne(new Document("_id", "m2").append("sender", "alice").append("clientMessageId", "c1")))
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
			assertThat(messages.countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void fileStoreKeepsDocumentsAndIndexesAcrossARestart() throws Exception {
		Path file = dir.resolve("chat.mv.db");
		try (MongoStore store = MongoStore.startWithFile(file, 0); MongoClient client = MongoClients.create(store.uri("chat"))) {
			MongoCollection<Document> users = client.getDatabase("chat").getCollection("users");
			users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			users.insertOne(new Document("_id", "alice").append("email", "alice@example.org"));
		}

		try (MongoStore store = MongoStore.startWithFile(file, 0); MongoClient client = MongoClients.create(store.uri("chat"))) {
			MongoCollection<Document> users = client.getDatabase("chat").getCollection("users");
			assertThat(users.find(new Document("_id", "alice")).first()).containsEntry("email", "alice@example.org");
			assertThatThrownBy(() -> users.insertOne(new Document("_id", "eve").append("email", "alice@example.org")))
				.isInstanceOf(MongoWriteException.class);
		}
	}

}

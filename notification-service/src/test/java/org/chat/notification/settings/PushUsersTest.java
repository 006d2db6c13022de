package org.chat.notification.settings;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.chat.contracts.events.NotificationPrefs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The push decision's reads, on an in-process store. */
class PushUsersTest {

	private static final Device PHONE = new Device("phone", "apns", "ab".repeat(32), null, null, null);

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client;

	private final PushUsers users;

	PushUsersTest() {
		InetSocketAddress address = this.server.bind();
		this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
		this.users = new PushUsers(new MongoTemplate(this.client, "push"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void findAllReadsEveryUserAtOnceAndGivesTheOnesWithoutADocumentNothing() {
		this.users.register("bob", PHONE);
		this.users.prefs("carol", new NotificationPrefs(false, List.of("mallory")));

		Map<String, PushUser> found = this.users.findAll(List.of("bob", "carol", "dave"));

		assertThat(found).containsOnlyKeys("bob", "carol", "dave");
		assertThat(found.get("bob")).isEqualTo(this.users.find("bob"));
		assertThat(found.get("bob").devices()).containsExactly(PHONE);
		assertThat(found.get("carol").previews()).isFalse();
		assertThat(found.get("carol").mutes("mallory")).isTrue();
		assertThat(found.get("dave")).isEqualTo(PushUser.none("dave"));
	}

}

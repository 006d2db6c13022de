package org.chat.message.profile;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.chat.contracts.events.Profile;
import org.chat.message.store.UserStore;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.lastSeen;
import static org.chat.message.support.Records.profile;

class ProfileHandlerTest {

	private final Harness h = new Harness();

	@Test
	void upsertsTheProfileUnderTheEnvelopesUser() {
		this.h.process(profile(0, 1, "alice", new Profile("Alice", "a@x.org", null)));
		this.h.process(profile(0, 2, "alice", new Profile("Alice B", null, "https://x.org/a.png")));

		assertThat(this.h.raw(UserStore.COLLECTION)).containsExactly(new Document("_id", "alice")
			.append("name", "Alice B")
			.append("email", "a@x.org")
			.append("avatar", "https://x.org/a.png"));
	}

	@Test
	void lastSeenKeepsTheNewestWhateverTheOrder() {
		Instant older = Instant.parse("2026-01-01T10:00:00Z");
		Instant newer = Instant.parse("2026-01-01T11:00:00Z");
		this.h.process(lastSeen(0, 1, "alice", newer));
		this.h.process(lastSeen(0, 2, "alice", older));

		assertThat(this.h.raw(UserStore.COLLECTION)).singleElement()
			.satisfies(doc -> assertThat(doc.get("lastSeenAt")).isEqualTo(Date.from(newer)));
	}

}

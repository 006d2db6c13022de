package org.chat.gateway.presence;

import org.chat.contracts.Topics;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.Profile;
import org.chat.gateway.fakes.FakeSocket;
import org.chat.gateway.fakes.RecordingPublisher;
import org.chat.gateway.ratelimit.TokenBucket;
import org.chat.gateway.session.ChatSession;
import org.chat.gateway.session.LocalSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAnnouncerTest {

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final LocalSessions sessions = new LocalSessions();

	@Test
	void everyLocalSessionIsAnnouncedWithItsOwnEpochAndProfile() {
		add("alice", "a1", 3).registered(new Profile("Alice", null, null));
		add("alice", "a2", 4);
		add("bob", "b1", 9);

		new SessionAnnouncer(this.sessions, new SessionEvents(this.publisher)).run();

		assertThat(this.publisher.sent()).hasSize(3)
			.allSatisfy(sent -> assertThat(sent.topic()).isEqualTo(Topics.PRESENCE));
		assertThat(this.publisher.sent()).filteredOn(sent -> sent.envelope().sessionId().equals("a1"))
			.singleElement()
			.satisfies(sent -> assertThat(sent.type()).isEqualTo(EventType.SESSION_REGISTERED))
			.satisfies(sent -> assertThat(sent.envelope().session()).isEqualTo(new SessionRef("alice", "a1", "gw", 3)))
			.satisfies(sent -> assertThat(sent.envelope().payloadAs(Profile.class)).isEqualTo(new Profile("Alice", null, null)));
		assertThat(this.publisher.sent()).filteredOn(sent -> sent.envelope().sessionId().equals("b1"))
			.singleElement()
			.satisfies(sent -> assertThat(sent.type()).isEqualTo(EventType.SESSION_OPENED))
			.satisfies(sent -> assertThat(sent.key()).isEqualTo("bob"))
			.satisfies(sent -> assertThat(sent.envelope().epoch()).isEqualTo(9));
	}

	private ChatSession add(String user, String id, long epoch) {
		ChatSession session = new ChatSession(new FakeSocket(id), new SessionRef(user, id, "gw", epoch),
				new TokenBucket(1, 1, System::nanoTime));
		this.sessions.add(session);
		return session;
	}

}

package org.chat.message.read;

import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.ClientPayloads.MessagesReadUpdate;
import org.chat.message.fanout.ClientPayloads.UnreadCountUpdate;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.CapturingPublisher;
import org.chat.message.support.CapturingPublisher.Published;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.read;
import static org.chat.message.support.Records.send;

class MarkReadHandlerTest {

	private Harness h;

	@BeforeEach
	void setUp() {
		this.h = new Harness();
		this.h.routing.online("bob", "gw-b").online("alice", "gw-a");
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"),
				send(0, 3, "bob", "alice", "m3"), send(1, 1, "carol", "bob", "m4"));
		this.h.published.clear();
	}

	@Test
	void readsOnlyMessagesFromTheOtherUserToMeAndResetsTheCounter() {
		this.h.process(read(0, 4, "bob", "alice"));

		assertThat(this.h.message("m1").isRead()).isTrue();
		assertThat(this.h.message("m1").readAt()).isEqualTo(this.h.clock.instant());
		assertThat(this.h.message("m2").isRead()).isTrue();
		assertThat(this.h.message("m3").isRead()).as("bob's own message").isFalse();
		assertThat(this.h.message("m4").isRead()).as("from carol").isFalse();
		assertThat(this.h.counter("bob", "alice")).isZero();
		assertThat(this.h.counter("bob", "carol")).isEqualTo(1);
		assertThat(this.h.counter("alice", "bob")).isEqualTo(1);
	}

	@Test
	void notifiesTheOtherUserAndMyOtherSessions() {
		this.h.process(read(0, 4, "bob", "alice"));

		assertThat(this.h.published.all()).containsExactlyInAnyOrder(
				new Published("gw-a",
						GatewayMessage.toUsers(List.of("alice"), ClientEvents.MESSAGES_READ_UPDATE,
								new MessagesReadUpdate("bob"))),
				new Published("gw-b", CapturingPublisher.wire(GatewayMessage
					.toUsers(List.of("bob"), ClientEvents.UNREAD_COUNT_UPDATE, new UnreadCountUpdate("alice", 0))
					.except(List.of("bob-s1")))));
	}

	@Test
	void aUserCannotMarkSomeoneElsesIncomingMessages() {
		// alice "reads" messages from alice to bob: only messages to alice are eligible
		this.h.process(read(0, 4, "alice", "alice"));

		assertThat(this.h.allMessages()).noneMatch(StoredMessage::isRead);
		assertThat(this.h.counter("bob", "alice")).isEqualTo(2);
	}

	@Test
	void aSendAfterTheReadInTheSameBatchStaysUnread() {
		this.h.process(send(0, 4, "alice", "bob", "m5"), read(0, 5, "bob", "alice"), send(0, 6, "alice", "bob", "m6"));

		assertThat(this.h.message("m5").isRead()).isTrue();
		assertThat(this.h.message("m6").isRead()).isFalse();
		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
	}

	@Test
	void aClientRetryAfterTheReadDoesNotKeepTheOriginalUnread() {
		// found by RedeliveryPropertyTest: the retry of m1 comes after the read in the same batch
		this.h.process(read(0, 4, "bob", "alice"), send(0, 5, "alice", "bob", "m1"));

		assertThat(this.h.message("m1").isRead()).isTrue();
		assertThat(this.h.counter("bob", "alice")).isZero();
	}

	@Test
	void redeliveredReadChangesNothing() {
		this.h.process(read(0, 4, "bob", "alice"));
		var readAt = this.h.message("m1").readAt();
		this.h.clock.advance(java.time.Duration.ofMinutes(1));

		this.h.process(read(0, 4, "bob", "alice"));

		assertThat(this.h.message("m1").readAt()).isEqualTo(readAt);
		assertThat(this.h.counter("bob", "alice")).isZero();
	}

	@Test
	void readResetHealsADriftedCounter() {
		this.h.unread.set("bob", "alice", 42, org.chat.message.store.UnreadCounter.ReadMark.NONE).block(Harness.TIMEOUT);

		this.h.process(read(0, 4, "bob", "alice"));

		assertThat(this.h.counter("bob", "alice")).isZero();
	}

}

package org.chat.message.send;

import java.util.List;

import org.bson.Document;
import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.ClientPayloads.UnreadCountUpdate;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.CapturingPublisher;
import org.chat.message.support.CapturingPublisher.Published;
import org.chat.message.support.Harness;
import org.chat.message.support.Records;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.send;

class SendHandlerTest {

	private Harness h;

	@BeforeEach
	void setUp() {
		this.h = new Harness();
		this.h.routing.online("bob", "gw-b1", "gw-b2").online("alice", "gw-a");
	}

	@Test
	void storesTheMessageWithTheEnvelopesUserAsSender() {
		this.h.process(send(3, 40, "alice", "bob", "m1"));

		Document doc = this.h.raw(StoredMessage.COLLECTION).get(0);
		assertThat(doc).containsEntry("_id", "m1")
			.containsEntry("conversationId", ConversationId.of("alice", "bob"))
			.containsEntry("sender", "alice")
			.containsEntry("recipient", "bob")
			.containsEntry("text", "text of m1")
			.containsEntry("isPrivate", true)
			.containsEntry("isRead", false)
			.containsEntry("deliveredAt", null)
			.containsEntry("readAt", null)
			.containsEntry("clientMessageId", "c-m1")
			.containsEntry("partition", 3)
			.containsEntry("offset", 40L);
		assertThat(doc.getDate("createdAt").toInstant()).isEqualTo(Records.CREATED);
		assertThat(doc.getLong("seq")).isPositive();
		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
	}

	@Test
	void fansOutToEveryGatewayOfTheRecipientAndToTheSendersOtherSessions() {
		this.h.process(send(0, 1, "alice", "bob", "m1"));

		MessageView view = MessageView.of("m1", "text of m1", "alice", "bob", false, Records.CREATED, "c-m1");
		GatewayMessage toBob = GatewayMessage.toUsers(List.of("bob"), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
			.withReceipt(new DeliveryReceipt("m1", "alice"));
		GatewayMessage count = GatewayMessage.toUsers(List.of("bob"), ClientEvents.UNREAD_COUNT_UPDATE,
				new UnreadCountUpdate("alice", 1));
		GatewayMessage toAlice = GatewayMessage.toUsers(List.of("alice"), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
			.except(List.of("alice-s1"));
		assertThat(this.h.published.all()).containsExactlyInAnyOrder(new Published("gw-b1", roundTrip(toBob)),
				new Published("gw-b2", roundTrip(toBob)), new Published("gw-b1", roundTrip(count)),
				new Published("gw-b2", roundTrip(count)), new Published("gw-a", roundTrip(toAlice)));
	}

	@Test
	void redeliveryOfTheSameBatchChangesNothingAndDoesNotRenotify() {
		var batch = List.of(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"));
		this.h.process(batch.toArray(new org.chat.message.consume.InboundRecord[0]));
		List<StoredMessage> before = this.h.allMessages();
		this.h.published.clear();

		this.h.process(batch.toArray(new org.chat.message.consume.InboundRecord[0]));

		assertThat(this.h.allMessages()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(this.h.counter("bob", "alice")).isEqualTo(2);
		assertThat(this.h.published.all()).isEmpty();
	}

	@Test
	void clientRetryWithTheSameMessageIdIsIgnoredEvenInTheSameBatch() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m1"));
		this.h.process(send(0, 3, "alice", "bob", "m1"));

		assertThat(this.h.allMessages()).singleElement().satisfies(m -> assertThat(m.offset()).isEqualTo(1));
		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
		assertThat(this.h.published.withEvent(ClientEvents.RECEIVE_PRIVATE_MESSAGE)).hasSize(3);
	}

	@Test
	void crashBetweenInsertAndCountIsRepairedByRedelivery() {
		var first = send(0, 7, "alice", "bob", "m1");
		this.h.sends.store(List.of(first)).block(Harness.TIMEOUT);
		assertThat(this.h.counter("bob", "alice")).isZero();

		this.h.process(send(0, 7, "alice", "bob", "m1"));

		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
		assertThat(this.h.published.withEvent(ClientEvents.RECEIVE_PRIVATE_MESSAGE)).isNotEmpty();
	}

	@Test
	void unreadCountUpdatesCarryTheRunningCount() {
		this.h.process(send(0, 1, "alice", "bob", "m1"), send(0, 2, "alice", "bob", "m2"),
				send(0, 3, "alice", "bob", "m3"));

		assertThat(this.h.published.withEvent(ClientEvents.UNREAD_COUNT_UPDATE).stream()
			.filter(p -> p.gatewayId().equals("gw-b1"))
			.map(p -> p.message().data().tree().get("count").asLong())).containsExactlyInAnyOrder(1L, 2L, 3L);
	}

	@Test
	void redisDownNeverFailsTheBatch() {
		this.h.published.failing(true);

		this.h.process(send(0, 1, "alice", "bob", "m1"));

		assertThat(this.h.allMessages()).hasSize(1);
		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
	}

	@Test
	void invalidSendIsSkippedAndTheRestOfTheBatchStored() {
		this.h.process(send(0, 1, "alice", "not a valid id!", "m0"), send(0, 2, "alice", "bob", "m1"));

		assertThat(this.h.allMessages()).extracting(StoredMessage::id).containsExactly("m1");
	}

	private static GatewayMessage roundTrip(GatewayMessage message) {
		return CapturingPublisher.wire(message);
	}

}

package org.chat.message.it;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.ClientPayloads;
import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class MessageFlowIT extends ServiceIT {

	private final String alice = unique("alice");

	private final String bob = unique("bob");

	private final SessionRef aliceSession = new SessionRef(this.alice, "a-s1", unique("gw-a"), 1);

	private final SessionRef bobSession = new SessionRef(this.bob, "b-s1", unique("gw-b"), 1);

	private final String conversation = ConversationId.of(this.alice, this.bob);

	private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00.123Z");

	@Test
	void sendIsStoredOnceAndFannedOutToBothSides() throws Exception {
		online(this.alice, "a-s1", this.aliceSession.gatewayId());
		online(this.bob, "b-s1", this.bobSession.gatewayId());
		try (Inbox toBob = listen(this.bobSession.gatewayId()); Inbox toAlice = listen(this.aliceSession.gatewayId())) {
			String id = UUID.randomUUID().toString();
			Envelope send = Envelope.of(EventType.MESSAGE_SEND, UUID.randomUUID().toString(), this.aliceSession,
					new SendMessage(id, this.bob, "hello", "c1", CREATED));
			byte[] record = send.toBytes();
			produce(this.conversation, record);
			produce(this.conversation, record); // redelivery of the very same record

			MessageView view = MessageView.of(id, "hello", this.alice, this.bob, false, CREATED, "c1");
			assertThat(toBob.next(2)).containsExactly(
					wire(GatewayMessage.toUsers(List.of(this.bob), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
						.withReceipt(new DeliveryReceipt(id, this.alice))),
					wire(GatewayMessage.toUsers(List.of(this.bob), ClientEvents.UNREAD_COUNT_UPDATE,
							new ClientPayloads.UnreadCountUpdate(this.alice, 1))));
			assertThat(toAlice.next()).isEqualTo(wire(GatewayMessage
				.toUsers(List.of(this.alice), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
				.except(List.of("a-s1"))));

			// a later record on the same partition proves the duplicate has been consumed
			produce(this.conversation, Envelope.of(EventType.HISTORY_QUERY, "q1", this.aliceSession,
					new HistoryQuery(this.bob, null, 10)));
			GatewayMessage history = toAlice.next();
			assertThat(history.ack().tree().get("messages")).hasSize(1);
			assertThat(toBob.received()).isEmpty();

			List<Document> stored = find(StoredMessage.COLLECTION, Filters.eq(StoredMessage.CONVERSATION, this.conversation));
			assertThat(stored).singleElement().satisfies(doc -> {
				assertThat(doc).containsEntry("_id", id)
					.containsEntry("sender", this.alice)
					.containsEntry("recipient", this.bob)
					.containsEntry("text", "hello")
					.containsEntry("isPrivate", true)
					.containsEntry("isRead", false)
					.containsEntry("createdAt", Date.from(CREATED))
					.containsEntry("deliveredAt", null)
					.containsEntry("readAt", null)
					.containsEntry("clientMessageId", "c1");
				assertThat(doc.getLong("seq")).isPositive();
			});
			assertThat(find(UnreadCounter.COLLECTION, Filters.eq("_id", UnreadCounter.id(this.bob, this.alice))))
				.singleElement()
				.satisfies(doc -> assertThat(doc.get("count")).isEqualTo(1L));
		}
	}

	@Test
	void deliveryReadAndQueriesWorkThroughKafkaAndRedis() throws Exception {
		online(this.alice, "a-s1", this.aliceSession.gatewayId());
		online(this.bob, "b-s1", this.bobSession.gatewayId());
		try (Inbox toBob = listen(this.bobSession.gatewayId()); Inbox toAlice = listen(this.aliceSession.gatewayId())) {
			String m1 = UUID.randomUUID().toString();
			String m2 = UUID.randomUUID().toString();
			produce(this.conversation, Envelope.of(EventType.MESSAGE_SEND, "e1", this.aliceSession,
					new SendMessage(m1, this.bob, "one", null, CREATED)));
			produce(this.conversation, Envelope.of(EventType.MESSAGE_SEND, "e2", this.aliceSession,
					new SendMessage(m2, this.bob, "two", null, CREATED)));
			toBob.next(4);
			toAlice.next(2);

			produce(this.conversation, Envelope.of(EventType.MESSAGE_DELIVERED, "e3", this.bobSession,
					new MessageDelivered(m1, this.alice)));
			produce(this.conversation, Envelope.of(EventType.MESSAGE_DELIVERED, "e4", this.bobSession,
					new MessageDelivered(m1, this.alice)));
			assertThat(toAlice.next()).isEqualTo(wire(GatewayMessage.toUsers(List.of(this.alice),
					ClientEvents.MESSAGE_DELIVERED, new ClientPayloads.MessageDelivered(m1, this.bob))));

			produce(this.bob, Envelope.of(EventType.UNREAD_COUNTS_QUERY, "q-counts", this.bobSession, null));
			GatewayMessage counts = toBob.next();
			assertThat(counts.event()).isEqualTo(ClientEvents.UNREAD_COUNTS);
			assertThat(counts.replyTo()).isEqualTo("q-counts");
			assertThat(counts.ack().toString()).isEqualTo("{\"ok\":true,\"counts\":[{\"userId\":\"" + this.alice
					+ "\",\"count\":2}]}");

			produce(this.bob, Envelope.of(EventType.SYNC_QUERY, "q-sync", this.bobSession, new SyncQuery(null, 1)));
			GatewayMessage sync = toBob.next();
			assertThat(sync.ack().tree().get("messages").get(0).get("id").asString()).isEqualTo(m1);
			assertThat(sync.ack().tree().get("hasMore").asBoolean()).isTrue();
			// the next page follows the token of this one
			produce(this.bob, Envelope.of(EventType.SYNC_QUERY, "q-sync2", this.bobSession, new SyncQuery(sync.ack().tree().get("next").asString(), 10)));
			GatewayMessage sync2 = toBob.next();
			assertThat(sync2.ack().tree().get("messages").get(0).get("id").asString()).isEqualTo(m2);
			assertThat(sync2.ack().tree().get("hasMore").asBoolean()).isFalse();
			// m2 reached bob through sync: that counts as delivered
			assertThat(toAlice.next().data().tree().get("messageId").asString()).isEqualTo(m2);

			produce(this.conversation, Envelope.of(EventType.MESSAGES_READ, "e5", this.bobSession,
					new MarkRead(this.alice)));
			assertThat(toAlice.next()).isEqualTo(wire(GatewayMessage.toUsers(List.of(this.alice),
					ClientEvents.MESSAGES_READ_UPDATE, new ClientPayloads.MessagesReadUpdate(this.bob))));
			assertThat(toBob.next()).isEqualTo(wire(GatewayMessage
				.toUsers(List.of(this.bob), ClientEvents.UNREAD_COUNT_UPDATE,
						new ClientPayloads.UnreadCountUpdate(this.alice, 0))
				.except(List.of("b-s1"))));
			assertThat(find(StoredMessage.COLLECTION, Filters.eq(StoredMessage.CONVERSATION, this.conversation)))
				.allSatisfy(doc -> assertThat(doc).containsEntry("isRead", true));
		}
	}

	@Test
	void aPoisonRecordIsSkippedAndThePartitionMovesOn() throws Exception {
		online(this.bob, "b-s1", this.bobSession.gatewayId());
		try (Inbox toBob = listen(this.bobSession.gatewayId())) {
			produce(this.conversation, "{not an envelope".getBytes());
			produce(this.conversation, Envelope.of(EventType.MESSAGE_SEND, "e1", this.aliceSession,
					new SendMessage(UUID.randomUUID().toString(), this.bob, "after poison", null, CREATED)));

			assertThat(toBob.next().event()).isEqualTo(ClientEvents.RECEIVE_PRIVATE_MESSAGE);
		}
	}

	private List<Document> find(String collection, org.bson.conversions.Bson filter) {
		return this.mongo.getCollection(collection).flatMapMany(c -> Flux.from(c.find(filter))).collectList().block(WAIT);
	}

	private static GatewayMessage wire(GatewayMessage message) {
		return GatewayMessage.fromJson(message.toJson());
	}

}

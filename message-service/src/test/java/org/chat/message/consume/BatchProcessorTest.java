package org.chat.message.consume;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.envelope.Envelope;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.Harness;
import org.chat.message.support.HeldStore;
import org.chat.message.support.Harness.SyncPage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chat.message.support.Records.delivered;
import static org.chat.message.support.Records.send;

class BatchProcessorTest {

	private final Harness h = new Harness();

	@Test
	void undecodableAndUnknownRecordsAreSkippedWithoutBlockingThePartition() {
		Envelope unknown = new Envelope("message.future", "e1", "alice", "s", "g", 1, null,
				JsonNodeFactory.instance.objectNode());
		List<ConsumerRecord<String, byte[]>> batch = List.of(
				record(0, "not json".getBytes(StandardCharsets.UTF_8)), record(1, null),
				record(2, unknown.toBytes()), record(3, send(0, 3, "alice", "bob", "m1").envelope().toBytes()));

		this.h.processor.process(batch).block(Harness.TIMEOUT);

		assertThat(this.h.allMessages()).extracting(StoredMessage::id, StoredMessage::offset)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("m1", 3L));
	}

	@Test
	void aBadPayloadOnANonSendRecordIsSkipped() {
		var badRead = new InboundRecord(0, 1, org.chat.contracts.envelope.EventType.MESSAGES_READ,
				new Envelope("message.read", "e", "bob", "s", "g", 1, null, JsonNodeFactory.instance.textNode("x")));

		this.h.process(badRead, send(0, 2, "alice", "bob", "m1"));

		assertThat(this.h.counter("bob", "alice")).isEqualTo(1);
	}

	private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
		return new ConsumerRecord<>(Topics.MESSAGES, 0, offset, "alice:bob", value);
	}

	@Test
	void aSyncThatStartsWhileTheFanoutLooksUpRoutesFindsTheMessage() {
		// bob's session is not routable yet: the fan-out misses him; meanwhile his session becomes routable and
		// he syncs (on another instance). That sync must return the message, or he would not see it until the next.
		Harness other = new Harness(this.h.mongo, Instant.parse("2026-01-01T12:00:00Z"), MessageStore::new);
		AtomicReference<SyncPage> syncDuringLookup = new AtomicReference<>();
		this.h.routing.onLookup(() -> Mono.fromRunnable(() -> syncDuringLookup.set(other.sync("bob", null, 100)))
			.subscribeOn(Schedulers.boundedElastic()));

		this.h.process(send(0, 5, "alice", "bob", "m1"));

		assertThat(syncDuringLookup.get().ids()).containsExactly("m1");
	}

	@Test
	void receiptsOfEarlierMessagesDoNotWaitForTheBatchsSends() {
		HeldStore held = new HeldStore(this.h.mongo);
		Harness h = new Harness(this.h.mongo, Instant.parse("2026-01-01T12:00:00Z"), mongo -> held);
		h.routing.online("alice", "gw-a").online("bob", "gw-b");
		h.process(send(0, 1, "alice", "bob", "m1"));

		// bob's gateway reports m1 while alice's next message is in the same batch, held before its insert
		held.hold();
		CompletableFuture<Void> batch = h.processor
			.processDecoded(List.of(send(0, 2, "alice", "bob", "m2"), delivered(0, 3, "bob", "m1", "alice")))
			.toFuture();
		held.awaitHeld();

		await().atMost(Harness.TIMEOUT).untilAsserted(() -> {
			assertThat(h.message("m1").deliveredAt()).isNotNull();
			assertThat(h.published.withEvent(ClientEvents.MESSAGE_DELIVERED)).extracting(p -> p.gatewayId())
				.containsExactly("gw-a");
		});
		assertThat(h.allMessages()).extracting(StoredMessage::id).containsExactly("m1");
		held.release();
		batch.join();
		assertThat(h.published.withEvent(ClientEvents.RECEIVE_PRIVATE_MESSAGE)).extracting(p -> p.message().receipt())
			.contains(new DeliveryReceipt("m2", "alice"));
	}

}

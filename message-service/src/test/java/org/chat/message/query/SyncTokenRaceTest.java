package org.chat.message.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.Harness;
import org.chat.message.support.HeldStore;
import org.chat.message.support.Harness.SyncPage;
import org.chat.message.support.InProcessMongo;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.message.support.Records.send;

/**
 * The interleavings that made "the newest message I saw" an unsafe cursor, forced on purpose: two instances of
 * the service on one store, their clocks set apart, one holding a partition's insert while the other stores and
 * the user syncs. A message-id cursor steps over the held message; the token does not.
 */
class SyncTokenRaceTest {

	private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

	private final ReactiveMongoTemplate store = InProcessMongo.newDatabase();

	@Test
	void aHeldInsertStampedEarlierIsReturnedAfterALaterMessageWasSynced() {
		HeldStore held = new HeldStore(this.store);
		Harness behind = new Harness(this.store, NOON, mongo -> held);
		Harness ahead = new Harness(this.store, NOON.plusSeconds(10), MessageStore::new);
		// both partitions have history the user already synced
		behind.process(send(0, 0, "alice", "bob", "a0"));
		ahead.process(send(1, 0, "carol", "bob", "c0"));
		SyncPage first = ahead.sync("bob", null, 100);
		assertThat(first.ids()).containsExactlyInAnyOrder("a0", "c0");

		// the instance whose clock is behind stamps its message first and is held before the insert...
		held.hold();
		CompletableFuture<Void> slow = behind.processor.processDecoded(List.of(send(0, 1, "alice", "bob", "held")))
			.toFuture();
		held.awaitHeld();
		// ...while the other stores a later message, and bob syncs it
		ahead.process(send(1, 1, "carol", "bob", "later"));
		SyncPage second = ahead.sync("bob", first.next(), 100);
		assertThat(second.ids()).containsExactly("later");

		held.release();
		slow.join();
		StoredMessage heldMessage = behind.message("held");
		assertThat(heldMessage.seq()).as("stamped before the message already synced")
			.isLessThan(behind.message("later").seq());

		// the old cursor (the newest message seen) steps over it for good
		assertThat(ahead.sync("bob", "later", 100).ids()).doesNotContain("held");
		// the token returns it
		assertThat(ahead.sync("bob", second.next(), 100).ids()).containsExactly("held");
	}

	@Test
	void aClockBehindStoresLaterWithSmallerStampsAndTheChainStillReturnsEverything() {
		Harness ahead = new Harness(this.store, NOON.plusSeconds(30), MessageStore::new);
		Harness behind = new Harness(this.store, NOON, MessageStore::new);
		List<String> sent = new ArrayList<>();
		List<String> synced = new ArrayList<>();
		String token = null;
		// rounds of: the fast clock stores, bob syncs a small page, the slow clock stores, bob syncs again
		for (int round = 0; round < 5; round++) {
			for (int i = 0; i < 3; i++) {
				String a = "a" + round + "-" + i;
				ahead.process(send(0, round * 3 + i, "alice", "bob", a));
				sent.add(a);
			}
			token = drain(ahead, token, 2, synced);
			for (int i = 0; i < 3; i++) {
				String c = "c" + round + "-" + i;
				behind.process(send(1, round * 3 + i, "carol", "bob", c));
				sent.add(c);
			}
			behind.clock.advance(Duration.ofMillis(1));
			token = drain(behind, token, 2, synced);
		}
		assertThat(synced).containsExactlyInAnyOrderElementsOf(sent);
	}

	@Test
	void aPageCutAcrossPartitionsLeavesNothingBehind() {
		Harness h = new Harness(this.store, NOON, MessageStore::new);
		List<String> sent = new ArrayList<>();
		// one batch interleaving three partitions: stamp order is not partition order
		List<org.chat.message.consume.InboundRecord> batch = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String id = "m" + i;
			batch.add(send(i % 3, i / 3, "u" + (i % 3), "bob", id));
			sent.add(id);
		}
		h.process(batch.toArray(org.chat.message.consume.InboundRecord[]::new));
		List<String> synced = new ArrayList<>();
		drain(h, null, 4, synced);
		assertThat(synced).containsExactlyElementsOf(sent);
	}

	/** Follows the chain until {@code hasMore} is false; @return the last token. */
	private static String drain(Harness h, String since, int limit, List<String> into) {
		SyncPage page;
		String token = since;
		do {
			page = h.sync("bob", token, limit);
			page.ids().stream().filter(id -> !into.contains(id)).forEach(into::add);
			token = page.next();
		}
		while (page.hasMore());
		return token;
	}

}

package org.chat.message.consume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.EventType;
import org.chat.message.consume.PartitionModel.Expected;
import org.chat.message.consume.PartitionModel.Kind;
import org.chat.message.consume.PartitionModel.Op;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.Harness;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of send / client retry / read / delivered on one partition, consumed in random batches
 * with lost commits (the batch is redelivered, possibly cut differently) and crashes after the insert or
 * after the sends: the store always ends as the sequential model says, on the real embedded Mongo server.
 * Cases come from a seeded generator, each named by its seed; {@code -Dchat.test.seed=N} replays a run.
 */
class RedeliveryPropertyTest {

	private static final List<String> USERS = List.of("alice", "bob", "carol");

	enum Mode {

		/** processed and committed */
		NORMAL,
		/** processed, commit lost: redelivered */
		LOST_COMMIT,
		/** crashed right after the bulk insert */
		CRASH_AFTER_INSERT,
		/** crashed after sends were counted and fanned out, before the other records */
		CRASH_AFTER_SENDS

	}

	record Step(int size, Mode mode) {
	}

	private static final int CASES = Integer.getInteger("chat.test.cases", 60);

	@TestFactory
	Stream<DynamicTest> anyBatchingAndRedeliveryEndsInTheSequentialOutcome() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + CASES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			List<Op> operations = operations(random);
			List<Step> plan = plan(random);
			try {
				checkSequentialOutcome(operations, plan);
			}
			catch (AssertionError ex) {
				throw new AssertionError("seed " + seed + " (replay: -Dchat.test.seed=" + seed + "), operations "
						+ operations + ", batches " + plan + ": " + ex.getMessage(), ex);
			}
		}));
	}

	private void checkSequentialOutcome(List<Op> generated, List<Step> plan) {
		List<Op> ops = PartitionModel.feasible(generated);
		Harness h = new Harness();
		USERS.forEach(u -> h.routing.online(u, "gw-" + u));
		List<InboundRecord> records = new ArrayList<>();
		for (int i = 0; i < ops.size(); i++) {
			records.add(ops.get(i).record(i));
		}

		consume(h, records, plan);

		Map<String, Expected> expected = PartitionModel.expected(ops);
		List<StoredMessage> stored = h.allMessages();
		// exactly one document per message id
		assertThat(stored).extracting(StoredMessage::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
		Map<String, StoredMessage> byId = stored.stream().collect(Collectors.toMap(StoredMessage::id, Function.identity()));
		expected.values().forEach(e -> {
			StoredMessage m = byId.get(e.id());
			assertThat(m.sender()).isEqualTo(e.sender());
			assertThat(m.isRead()).as("read %s", e.id()).isEqualTo(e.read());
			assertThat(m.readAt() != null).isEqualTo(e.read());
			assertThat(m.deliveredAt() != null).as("delivered %s", e.id()).isEqualTo(e.delivered());
		});
		// counters equal the number of unread messages, per (recipient, sender)
		Map<String, Long> unread = PartitionModel.unreadCounts(expected);
		for (String r : USERS) {
			for (String s : USERS) {
				long actualUnread = stored.stream()
					.filter(m -> m.recipient().equals(r) && m.sender().equals(s) && !m.isRead())
					.count();
				assertThat(h.counter(r, s)).as("counter %s<-%s", r, s).isEqualTo(actualUnread)
					.isEqualTo(unread.getOrDefault(r + "|" + s, 0L));
			}
		}
		// history is the conversation's record order
		for (String a : USERS) {
			for (String b : USERS) {
				List<String> history = new ArrayList<>(h.history(a, b, null, 100));
				Collections.reverse(history);
				assertThat(history).isEqualTo(PartitionModel.conversation(expected, a, b));
			}
		}
		// every message reached its recipient's gateway exactly once; delivery receipts at most once
		assertThat(countBy(h, ClientEvents.RECEIVE_PRIVATE_MESSAGE, "id", "gw-", true))
			.isEqualTo(expected.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1L)));
		assertThat(countBy(h, ClientEvents.MESSAGE_DELIVERED, "messageId", "", false)).isEqualTo(expected.values()
			.stream().filter(Expected::delivered).collect(Collectors.toMap(Expected::id, e -> 1L)));
		// a sync chain (last: it marks what it returns delivered) from the start returns every message to each user, each once
		for (String r : USERS) {
			List<String> synced = new ArrayList<>();
			Harness.SyncPage page = h.sync(r, null, 7);
			synced.addAll(page.ids());
			while (page.hasMore()) {
				page = h.sync(r, page.next(), 7);
				synced.addAll(page.ids());
			}
			assertThat(synced).as("sync of %s", r).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
					expected.values().stream().filter(e -> e.recipient().equals(r)).map(Expected::id).toList());
		}
	}

	/** Plays the plan: a step that does not commit leaves the position, so its records come again. */
	private static void consume(Harness h, List<InboundRecord> records, List<Step> plan) {
		int position = 0;
		for (Step step : plan) {
			if (position >= records.size()) {
				return;
			}
			List<InboundRecord> batch = records.subList(position, Math.min(records.size(), position + step.size()));
			List<InboundRecord> sends = batch.stream().filter(r -> r.type() == EventType.MESSAGE_SEND).toList();
			switch (step.mode()) {
				case NORMAL, LOST_COMMIT -> h.processor.processDecoded(batch).block(Harness.TIMEOUT);
				case CRASH_AFTER_INSERT -> h.sends.store(sends).block(Harness.TIMEOUT);
				case CRASH_AFTER_SENDS -> h.sends.handle(sends, Mono.empty()).block(Harness.TIMEOUT);
			}
			if (step.mode() == Mode.NORMAL) {
				position += batch.size();
			}
		}
		if (position < records.size()) {
			h.processor.processDecoded(records.subList(position, records.size())).block(Harness.TIMEOUT);
		}
	}

	/** How often each message id was emitted (to recipients' gateways only, if asked). */
	private static Map<String, Long> countBy(Harness h, String event, String idField, String prefix,
			boolean toRecipientOnly) {
		Map<String, Long> counts = new HashMap<>();
		h.published.withEvent(event).stream()
			.filter(p -> !toRecipientOnly || p.message().receipt() != null)
			.filter(p -> p.gatewayId().startsWith(prefix))
			.forEach(p -> counts.merge(p.message().data().tree().get(idField).asString(), 1L, Long::sum));
		return counts;
	}

	/** 1–40 operations among three users: send 5 : read 2 : delivered 2. */
	private static List<Op> operations(Random random) {
		List<Op> ops = new ArrayList<>();
		int size = 1 + random.nextInt(40);
		for (int i = 0; i < size; i++) {
			String a = USERS.get(random.nextInt(USERS.size()));
			String b = USERS.get(random.nextInt(USERS.size()));
			int pick = random.nextInt(9);
			ops.add(pick < 5 ? new Op(Kind.SEND, a, b, random.nextInt(4))
					: pick < 7 ? new Op(Kind.READ, a, b, 0) : new Op(Kind.DELIVERED, a, b, random.nextInt(4)));
		}
		return ops;
	}

	/** 1–25 batches of 1–12 records: normal 4 : lost commit 1 : crash after insert 1 : crash after sends 1. */
	private static List<Step> plan(Random random) {
		Mode[] weighted = { Mode.NORMAL, Mode.NORMAL, Mode.NORMAL, Mode.NORMAL, Mode.LOST_COMMIT,
				Mode.CRASH_AFTER_INSERT, Mode.CRASH_AFTER_SENDS };
		List<Step> steps = new ArrayList<>();
		int size = 1 + random.nextInt(25);
		for (int i = 0; i < size; i++) {
			steps.add(new Step(1 + random.nextInt(12), weighted[random.nextInt(weighted.length)]));
		}
		return steps;
	}

}

package org.chat.message.consume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.EventType;
import org.chat.message.consume.PartitionModel.Expected;
import org.chat.message.consume.PartitionModel.Kind;
import org.chat.message.consume.PartitionModel.Op;
import org.chat.message.store.StoredMessage;
import org.chat.message.support.Harness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of send / client retry / read / delivered on one partition, consumed in random batches
 * with lost commits (the batch is redelivered, possibly cut differently) and crashes after the insert or
 * after the sends: the store always ends as the sequential model says, on the real embedded Mongo server.
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

	@Property(tries = 60)
	void anyBatchingAndRedeliveryEndsInTheSequentialOutcome(@ForAll("operations") List<Op> generated,
			@ForAll("plans") List<Step> plan) {
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
				List<String> history = new ArrayList<>(h.messages.history(ConversationId.of(a, b), null, 1000)
					.map(StoredMessage::id).collectList().block(Harness.TIMEOUT));
				Collections.reverse(history);
				assertThat(history).isEqualTo(PartitionModel.conversation(expected, a, b));
			}
		}
		// every message reached its recipient's gateway exactly once; delivery receipts at most once
		assertThat(countBy(h, ClientEvents.RECEIVE_PRIVATE_MESSAGE, "id", "gw-", true))
			.isEqualTo(expected.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1L)));
		assertThat(countBy(h, ClientEvents.MESSAGE_DELIVERED, "messageId", "", false)).isEqualTo(expected.values()
			.stream().filter(Expected::delivered).collect(Collectors.toMap(Expected::id, e -> 1L)));
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
				case CRASH_AFTER_SENDS -> h.sends.handle(sends).block(Harness.TIMEOUT);
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
			.forEach(p -> counts.merge(p.message().data().get(idField).asString(), 1L, Long::sum));
		return counts;
	}

	@Provide
	Arbitrary<List<Op>> operations() {
		Arbitrary<String> user = Arbitraries.of(USERS);
		Arbitrary<Integer> k = Arbitraries.integers().between(0, 3);
		Arbitrary<Op> send = Combinators.combine(user, user, k).as((a, b, n) -> new Op(Kind.SEND, a, b, n));
		Arbitrary<Op> read = Combinators.combine(user, user).as((a, b) -> new Op(Kind.READ, a, b, 0));
		Arbitrary<Op> delivered = Combinators.combine(user, user, k).as((a, b, n) -> new Op(Kind.DELIVERED, a, b, n));
		return Arbitraries.frequencyOf(Tuple.of(5, send), Tuple.of(2, read), Tuple.of(2, delivered))
			.list()
			.ofMinSize(1)
			.ofMaxSize(40);
	}

	@Provide
	Arbitrary<List<Step>> plans() {
		Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.frequency(
				Tuple.of(4, Mode.NORMAL), Tuple.of(1, Mode.LOST_COMMIT), Tuple.of(1, Mode.CRASH_AFTER_INSERT),
				Tuple.of(1, Mode.CRASH_AFTER_SENDS)))
			.as(Step::new);
		return step.list().ofMinSize(1).ofMaxSize(25);
	}

}

package org.chat.message.consume;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chat.contracts.ConversationId;
import org.chat.message.support.Records;

/**
 * The sequential meaning of one partition's records: what the store must hold after any batching,
 * redelivery or crash, however the records were split and replayed.
 */
final class PartitionModel {

	enum Kind {

		SEND, READ, DELIVERED

	}

	/** SEND: user → other; READ: user reads other's messages; DELIVERED: user got other's message k. */
	record Op(Kind kind, String user, String other, int k) {

		String messageId() {
			return this.kind == Kind.DELIVERED ? id(this.other, this.user, this.k) : id(this.user, this.other, this.k);
		}

		InboundRecord record(long offset) {
			return switch (this.kind) {
				case SEND -> Records.send(0, offset, this.user, this.other, messageId());
				case READ -> Records.read(0, offset, this.user, this.other);
				case DELIVERED -> Records.delivered(0, offset, this.user, messageId(), this.other);
			};
		}

	}

	record Expected(String id, String sender, String recipient, boolean read, boolean delivered) {
	}

	static String id(String from, String to, int k) {
		return from + "-" + to + "-" + k;
	}

	/** Drops delivery reports for messages not sent before them (a gateway cannot report those). */
	static List<Op> feasible(List<Op> ops) {
		Set<String> sent = new HashSet<>();
		List<Op> result = new ArrayList<>();
		for (Op op : ops) {
			if (op.kind() == Kind.SEND) {
				sent.add(op.messageId());
			}
			if (op.kind() != Kind.DELIVERED || sent.contains(op.messageId())) {
				result.add(op);
			}
		}
		return result;
	}

	/** Applies the ops in order; the first send of an id wins (later ones are client retries). */
	static Map<String, Expected> expected(List<Op> ops) {
		Map<String, Expected> messages = new LinkedHashMap<>();
		for (Op op : ops) {
			switch (op.kind()) {
				case SEND -> messages.putIfAbsent(op.messageId(),
						new Expected(op.messageId(), op.user(), op.other(), false, false));
				case READ -> messages.replaceAll((id, m) -> m.recipient().equals(op.user())
						&& m.sender().equals(op.other()) ? new Expected(id, m.sender(), m.recipient(), true, m.delivered())
								: m);
				case DELIVERED -> messages.computeIfPresent(op.messageId(),
						(id, m) -> new Expected(id, m.sender(), m.recipient(), m.read(), true));
			}
		}
		return messages;
	}

	static Map<String, Long> unreadCounts(Map<String, Expected> messages) {
		Map<String, Long> counts = new HashMap<>();
		messages.values().stream().filter(m -> !m.read())
			.forEach(m -> counts.merge(m.recipient() + "|" + m.sender(), 1L, Long::sum));
		return counts;
	}

	/** Message ids of a conversation in send order. */
	static List<String> conversation(Map<String, Expected> messages, String a, String b) {
		return messages.values().stream()
			.filter(m -> ConversationId.of(m.sender(), m.recipient()).equals(ConversationId.of(a, b)))
			.map(Expected::id)
			.toList();
	}

	private PartitionModel() {
	}

}

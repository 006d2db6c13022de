package org.chat.notification.decide;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of chat.messages may be committed: everything before the oldest record whose push decision is
 * still open. A crash therefore re-reads every undecided send (and the receipts after it) and decides again;
 * nothing decided-but-not-produced is lost.
 */
final class OffsetTracker {

	private final Map<TopicPartition, TreeMap<Long, Integer>> open = new HashMap<>();

	private final Map<TopicPartition, Long> next = new HashMap<>();

	private final Map<TopicPartition, Long> committed = new HashMap<>();

	synchronized void consumed(TopicPartition partition, long offset) {
		this.next.merge(partition, offset + 1, Math::max);
	}

	/** The record at offset has a decision open; it holds back the commit until {@link #close}. */
	synchronized void hold(TopicPartition partition, long offset) {
		this.open.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, 1, Integer::sum);
	}

	synchronized void close(TopicPartition partition, long offset) {
		TreeMap<Long, Integer> offsets = this.open.get(partition);
		if (offsets != null) {
			offsets.computeIfPresent(offset, (o, count) -> count == 1 ? null : count - 1);
		}
	}

	synchronized int openCount() {
		return this.open.values().stream().mapToInt(TreeMap::size).sum();
	}

	/** Offsets to commit that moved since the last call (only the given partitions when not null). */
	synchronized Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> only) {
		Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
		for (Map.Entry<TopicPartition, Long> entry : this.next.entrySet()) {
			TopicPartition partition = entry.getKey();
			if (only != null && !only.contains(partition)) {
				continue;
			}
			TreeMap<Long, Integer> offsets = this.open.get(partition);
			long upTo = (offsets == null || offsets.isEmpty()) ? entry.getValue() : offsets.firstKey();
			if (!Long.valueOf(upTo).equals(this.committed.get(partition))) {
				result.put(partition, new OffsetAndMetadata(upTo));
			}
		}
		return result;
	}

	synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
		offsets.forEach((partition, offset) -> this.committed.put(partition, offset.offset()));
	}

	synchronized void forget(Collection<TopicPartition> partitions) {
		partitions.forEach(partition -> {
			this.open.remove(partition);
			this.next.remove(partition);
			this.committed.remove(partition);
		});
	}

}

package org.chat.message.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadStore;
import org.chat.message.store.UnreadStore.Increment;
import reactor.core.publisher.Mono;

/**
 * Counts the batch's unread sends into the (recipient, sender) counters, idempotently: a send is counted
 * only if its record lies past the counter's watermark (partition, upTo), and the increment and the new
 * watermark are one document write. A crash between the message insert and this write is repaired by the
 * redelivery (the record is past the watermark, so it is counted then).
 */
public class UnreadCounting {

	private final UnreadStore unread;

	public UnreadCounting(UnreadStore unread) {
		this.unread = unread;
	}

	/** @param candidates unread messages whose stored copy was written by their record, in batch order */
	public Mono<List<CountedSend>> count(List<PendingSend> candidates) {
		if (candidates.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> pairIds = candidates.stream().map(UnreadCounting::pairId).distinct().toList();
		return this.unread.find(pairIds).flatMap(counters -> {
			Map<String, UnreadCounter> current = new HashMap<>(counters);
			Map<String, Increment> increments = new LinkedHashMap<>();
			List<CountedSend> counted = new ArrayList<>();
			for (PendingSend send : candidates) {
				StoredMessage m = send.message();
				String pair = pairId(send);
				UnreadCounter counter = current.getOrDefault(pair, UnreadCounter.empty(m.recipient(), m.sender()));
				if (!counter.uncounted(m.partition(), m.offset())) {
					continue;
				}
				UnreadCounter next = new UnreadCounter(m.recipient(), m.sender(), counter.count() + 1, m.partition(),
						m.offset());
				current.put(pair, next);
				Increment before = increments.get(pair);
				increments.put(pair, new Increment(m.recipient(), m.sender(), before == null ? 1 : before.increment() + 1,
						m.partition(), m.offset()));
				counted.add(new CountedSend(send, next.count()));
			}
			return this.unread.apply(List.copyOf(increments.values())).thenReturn(counted);
		});
	}

	private static String pairId(PendingSend send) {
		return UnreadCounter.id(send.message().recipient(), send.message().sender());
	}

}

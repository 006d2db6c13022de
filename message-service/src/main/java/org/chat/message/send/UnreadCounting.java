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
 * Counts the batch's unread sends into the (recipient, sender) counters, idempotently. A message this
 * attempt inserted was never counted. A message an earlier attempt of the same record inserted (crash
 * redelivery) is counted only if its record lies past the counter's watermark (partition, upTo); the
 * increment and the new watermark are one document write, so a crash between the insert and this write
 * is repaired by the redelivery, and a crash after it does not count twice. Only the partition's owner
 * writes these counters, so the read-then-write is not racy.
 */
public class UnreadCounting {

	private final UnreadStore unread;

	public UnreadCounting(UnreadStore unread) {
		this.unread = unread;
	}

	/**
	 * @param candidates unread messages whose stored copy was written by their record, in batch order
	 * @return the ones counted now (to be fanned out)
	 */
	public Mono<List<PendingSend>> count(List<PendingSend> candidates) {
		if (candidates.isEmpty()) {
			return Mono.just(List.of());
		}
		// watermarks are read only for pairs with a redelivered message: usually none
		List<String> redeliveredPairs = candidates.stream().filter(s -> !s.inserted()).map(UnreadCounting::pairId)
			.distinct().toList();
		return this.unread.find(redeliveredPairs).flatMap(counters -> {
			Map<String, UnreadCounter> watermarks = new HashMap<>(counters);
			Map<String, Increment> increments = new LinkedHashMap<>();
			List<PendingSend> counted = new ArrayList<>();
			for (PendingSend send : candidates) {
				StoredMessage m = send.message();
				String pair = pairId(send);
				UnreadCounter watermark = watermarks.get(pair);
				if (!send.inserted() && watermark != null && !watermark.uncounted(m.partition(), m.offset())) {
					continue;
				}
				Increment before = increments.get(pair);
				increments.put(pair, new Increment(m.recipient(), m.sender(), before == null ? 1 : before.increment() + 1,
						m.partition(), m.offset()));
				counted.add(send);
			}
			return this.unread.apply(List.copyOf(increments.values())).thenReturn(counted);
		});
	}

	static String pairId(PendingSend send) {
		return UnreadCounter.id(send.message().recipient(), send.message().sender());
	}

}

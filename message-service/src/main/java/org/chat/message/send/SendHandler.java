package org.chat.message.send;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chat.message.consume.InboundRecord;
import org.chat.message.metrics.MessageMetrics;
import org.chat.message.metrics.MessageMetrics.SendStage;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Stores the batch's sends in one unordered bulk insert under the gateway's message id, adds them to the
 * recipient's inbox and the conversation's feed, counts the new unread ones and fans them out. A client retry (same id, a later record) and a redelivery change nothing;
 * only a redelivery of the record that stored the message may count/fan it out, if the first attempt
 * crashed before counting it.
 */
public class SendHandler {

	private final SendParser parser;

	private final MessageStore messages;

	private final UnreadCounting counting;

	private final SendFanout fanout;

	private final MessageMetrics metrics;

	private final SendFeeds feeds;

	public SendHandler(SendParser parser, MessageStore messages, SendFeeds feeds, UnreadCounting counting,
			SendFanout fanout, MessageMetrics metrics) {
		this.parser = parser;
		this.messages = messages;
		this.feeds = feeds;
		this.counting = counting;
		this.fanout = fanout;
		this.metrics = metrics;
	}

	/**
	 * @param records the batch's send records, in batch order
	 * @param beforeFanout runs once they are stored, before any route is looked up
	 */
	public Mono<Void> handle(List<InboundRecord> records, Mono<Void> beforeFanout) {
		// feeds and counters are independent writes of the stored sends: one round trip instead of two
		return store(records)
			.flatMap(owned -> Mono.zip(this.feeds.append(owned)
				.then(Mono.fromRunnable(() -> this.metrics.reached(SendStage.STORED, createdAt(owned))))
				.thenReturn(Boolean.TRUE), this.counting.count(unread(owned))))
			.map(Tuple2::getT2)
			.flatMap(counted -> beforeFanout.thenReturn(counted))
			.flatMap(counted -> this.fanout.publish(counted)
				.then(Mono.fromRunnable(() -> this.metrics.reached(SendStage.PUBLISHED, createdAt(counted)))));
	}

	private static List<Instant> createdAt(List<PendingSend> sends) {
		return sends.stream().map(send -> send.message().createdAt()).toList();
	}

	/** Inserts; @return the sends whose stored copy their record wrote (inserted now or by a crashed attempt), in order. */
	public Mono<List<PendingSend>> store(List<InboundRecord> records) {
		Map<String, PendingSend> firsts = new LinkedHashMap<>();
		List<PendingSend> parsed = records.stream().map(this.parser::parse).flatMap(Optional::stream).toList();
		this.metrics.reached(SendStage.CONSUMED, createdAt(parsed));
		parsed.forEach(send -> firsts.putIfAbsent(send.message().id(), send));
		List<PendingSend> sends = List.copyOf(firsts.values());
		return this.messages.insertAll(sends.stream().map(PendingSend::message).toList())
			.doOnNext(duplicates -> {
				this.metrics.stored(sends.size() - duplicates.size());
				// retries within the batch and ids stored before both count
				this.metrics.duplicates(parsed.size() - sends.size() + duplicates.size());
			})
			.flatMap(duplicates -> this.messages.findByIds(duplicates)
				.collect(Collectors.toMap(StoredMessage::id, Function.identity()))
				.map(stored -> candidates(sends, duplicates, stored)));
	}

	private static List<PendingSend> unread(List<PendingSend> owned) {
		return owned.stream().filter(send -> !send.message().isRead()).toList();
	}

	private static List<PendingSend> candidates(List<PendingSend> sends, Set<String> duplicates,
			Map<String, StoredMessage> stored) {
		List<PendingSend> candidates = new ArrayList<>();
		for (PendingSend send : sends) {
			PendingSend current = duplicates.contains(send.message().id())
					? send.withStored(stored.get(send.message().id())) : send.asInserted();
			if (current.message() != null && current.ownsStoredMessage()) {
				candidates.add(current);
			}
		}
		return candidates;
	}

}

package org.chat.message.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chat.contracts.ConversationId;
import org.chat.contracts.UserIds;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.config.MessagesProperties;
import org.chat.message.fanout.ClientPayloads.MessagesAck;
import org.chat.message.fanout.Fanout;
import org.chat.message.feed.FeedEntry;
import org.chat.message.feed.FeedKey;
import org.chat.message.feed.FeedStore;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import reactor.core.publisher.Mono;

/**
 * {@code get_messages}: the conversation of the asking user with {@code otherUserId}, newest first, older
 * than the {@code before} message, read from the conversation's feed newest bucket first. The conversation id is
 * built from the envelope's user, so nobody reads a conversation they are not part of; a cursor from another
 * conversation is rejected.
 */
public class HistoryQueryHandler {

	private static final Comparator<FeedEntry> NEWEST_FIRST = Comparator.comparingLong(FeedEntry::seq).reversed();

	private final MessageStore messages;

	private final FeedStore feeds;

	private final Fanout fanout;

	private final MessagesProperties properties;

	public HistoryQueryHandler(MessageStore messages, FeedStore feeds, Fanout fanout, MessagesProperties properties) {
		this.messages = messages;
		this.feeds = feeds;
		this.fanout = fanout;
		this.properties = properties;
	}

	public Mono<Void> handle(Envelope envelope) {
		return QueryGuard.answer(this.fanout, envelope, () -> {
			HistoryQuery query = envelope.payloadAs(HistoryQuery.class);
			if (!UserIds.isValid(query.otherUserId())) {
				throw new ContractViolation("get_messages needs a valid otherUserId");
			}
			String conversation = ConversationId.of(envelope.userId(), query.otherUserId());
			int limit = QueryGuard.limit(query.limit(), this.properties.historyDefaultLimit(),
					this.properties.historyMaxLimit());
			return cursor(conversation, query.before())
				.flatMap(before -> page(FeedKey.conversation(conversation), before, limit))
				.flatMap(page -> this.fanout.reply(envelope, null, null,
						new MessagesAck(true, page.stream().map(StoredMessage::view).toList())));
		});
	}

	/**
	 * Within a partition the stamps grow with the offsets, so reading each partition's buckets newest first until
	 * {@code limit} entries are older than the cursor finds that partition's share of the page.
	 */
	private Mono<List<StoredMessage>> page(FeedKey feed, long beforeSeq, int limit) {
		return this.feeds.directory(feed).flatMap(directory -> {
			Map<Integer, List<Long>> order = new TreeMap<>();
			directory.forEach((partition, buckets) -> order.put(partition, List.copyOf(buckets.descendingSet())));
			return this.feeds.read(feed, order, e -> e.seq() < beforeSeq, limit);
		}).flatMap(reads -> {
			List<FeedEntry> entries = new ArrayList<>();
			reads.values().forEach(r -> entries.addAll(r.entries()));
			entries.sort(NEWEST_FIRST);
			List<FeedEntry> page = entries.subList(0, Math.min(limit, entries.size()));
			return this.messages.findInOrder(page.stream().map(FeedEntry::id).toList());
		});
	}

	/** @return the stamp of {@code before} ({@code Long.MAX_VALUE} for none); an error if not of this conversation */
	private Mono<Long> cursor(String conversation, String before) {
		if (before == null) {
			return Mono.just(Long.MAX_VALUE);
		}
		return this.messages.findById(before)
			.filter(m -> m.conversationId().equals(conversation))
			.map(StoredMessage::seq)
			.switchIfEmpty(Mono.error(() -> new ContractViolation("before is not a message of this conversation")));
	}

}

package org.chat.message.read;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.chat.contracts.ConversationId;
import org.chat.contracts.UserIds;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.consume.InboundRecord;
import org.chat.message.fanout.ClientPayloads.MessagesReadUpdate;
import org.chat.message.fanout.ClientPayloads.UnreadCountUpdate;
import org.chat.message.fanout.Fanout;
import org.chat.message.feed.FeedEntry;
import org.chat.message.feed.FeedKey;
import org.chat.message.feed.FeedStore;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadCounter.ReadMark;
import org.chat.message.store.UnreadStore;
import reactor.core.publisher.Mono;

/**
 * {@code message.read}: the envelope's user reads every message the other user sent them before this record.
 * Messages stored by records later in the same partition (the batch stores sends first; a replay may find them
 * stored) stay unread, so the read keeps its place in conversation order. The counter is then set to the
 * recounted truth (0 unless such later sends exist), which also heals any drift.
 * <p>
 * The messages come from the conversation's feed, by {@code _id}, never from a scan: in the read's partition
 * only the buckets between the previous read (kept on the counter) and the later of this read and the counter's
 * watermark; every message before the previous read is read already. Buckets of other partitions (a conversation
 * that moved when the partition count changed) are read whole.
 */
public class MarkReadHandler {

	private final MessageStore messages;

	private final FeedStore feeds;

	private final UnreadStore unread;

	private final Fanout fanout;

	private final Clock clock;

	public MarkReadHandler(MessageStore messages, FeedStore feeds, UnreadStore unread, Fanout fanout, Clock clock) {
		this.messages = messages;
		this.feeds = feeds;
		this.unread = unread;
		this.fanout = fanout;
		this.clock = clock;
	}

	public Mono<Void> handle(InboundRecord record) {
		String me = record.userId();
		String other = record.payload(MarkRead.class).otherUserId();
		if (!UserIds.isValid(other)) {
			throw new ContractViolation("mark read without a valid otherUserId");
		}
		String pair = UnreadCounter.id(me, other);
		int partition = record.partition();
		long offset = record.offset();
		FeedKey feed = FeedKey.conversation(ConversationId.of(me, other));
		return this.unread.find(List.of(pair)).flatMap(counters -> {
			UnreadCounter counter = counters.getOrDefault(pair, UnreadCounter.empty(me, other));
			long readBefore = counter.read().partition() == partition ? counter.read().offset() : -1;
			// what the counter has counted in this partition: messages past the read may still be unread
			long counted = counter.partition() == partition ? counter.upTo() : -1;
			long last = Math.max(offset, counted);
			return this.feeds.directory(feed).flatMap(directory -> {
				Map<Integer, List<Long>> order = new TreeMap<>();
				directory.forEach((p, buckets) -> order.put(p, p != partition ? List.copyOf(buckets)
						: List.copyOf(buckets.subSet(FeedKey.bucketOf(Math.max(0, readBefore)), true,
								FeedKey.bucketOf(last), true))));
				return this.feeds.read(feed, order, e -> e.sender().equals(other)
						&& (e.partition() != partition || e.offset() > readBefore && e.offset() <= last),
						Integer.MAX_VALUE);
			}).flatMap(reads -> {
				List<String> ids = new ArrayList<>();
				reads.values().forEach(r -> r.entries().stream().map(FeedEntry::id).forEach(ids::add));
				return this.messages.findByIds(ids)
					.filter(m -> !m.isRead() && m.recipient().equals(me))
					.collectList()
					.flatMap(unreadNow -> {
						Set<String> toRead = unreadNow.stream()
							.filter(m -> m.partition() != partition || m.offset() <= offset)
							.map(StoredMessage::id)
							.collect(Collectors.toSet());
						// recount only what the counter has counted: messages stored past its watermark by a
						// crashed attempt are counted when their records are redelivered
						long remaining = unreadNow.stream()
							.filter(m -> m.partition() == partition && m.offset() > offset && m.offset() <= counted)
							.count();
						return this.messages.markRead(toRead, this.clock.instant())
							.then(this.unread.set(me, other, remaining, new ReadMark(partition, offset)))
							.then(notify(record, me, other, remaining));
					});
			});
		});
	}

	private Mono<Void> notify(InboundRecord record, String me, String other, long remaining) {
		GatewayMessage readUpdate = GatewayMessage.toUsers(List.of(other), ClientEvents.MESSAGES_READ_UPDATE,
				new MessagesReadUpdate(me));
		GatewayMessage countUpdate = GatewayMessage.toUsers(List.of(me), ClientEvents.UNREAD_COUNT_UPDATE,
				new UnreadCountUpdate(other, remaining));
		String sessionId = record.envelope().sessionId();
		if (sessionId != null) {
			countUpdate = countUpdate.except(List.of(sessionId));
		}
		GatewayMessage toMe = countUpdate;
		return this.fanout.routes(List.of(me, other))
			.flatMap(routes -> this.fanout.toUser(routes, other, readUpdate).then(this.fanout.toUser(routes, me, toMe)));
	}

}

package org.chat.message.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.chat.contracts.events.SyncToken;
import reactor.core.publisher.Mono;

/**
 * One page of a sync chain. The answer covers, per partition, the offsets from the token's position up to the
 * partition's watermark, read <em>before</em> the inbox: everything below a watermark is in the inbox already,
 * and entries the page leaves out keep the position at or below their offset. So the next token never passes an
 * entry that was not returned, whoever stored it, with whatever clock, in whatever order batches finished.
 */
public class InboxSync {

	/** The entries to return, oldest stamp first, and the token that follows them. */
	public record Page(List<FeedEntry> entries, SyncToken next, boolean hasMore) {
	}

	private static final Comparator<FeedEntry> OLDEST_FIRST = Comparator.comparingLong(FeedEntry::seq)
		.thenComparingInt(FeedEntry::partition)
		.thenComparingLong(FeedEntry::offset);

	private final FeedStore feeds;

	private final Watermarks watermarks;

	public InboxSync(FeedStore feeds, Watermarks watermarks) {
		this.feeds = feeds;
		this.watermarks = watermarks;
	}

	/**
	 * @param since where the chain stands
	 * @param afterSeq only entries stamped after this (the older message-id cursor; {@code -1} for tokens)
	 */
	public Mono<Page> page(String userId, SyncToken since, long afterSeq, int limit) {
		FeedKey inbox = FeedKey.inbox(userId);
		// the order matters: watermarks first, then the inbox (see the class comment)
		return this.watermarks.all().flatMap(upTo -> this.feeds.directory(inbox).flatMap(directory -> {
			Map<Integer, long[]> ranges = new TreeMap<>();
			Map<Integer, List<Long>> order = new TreeMap<>();
			upTo.forEach((partition, to) -> {
				long from = since.position(partition);
				if (from < to) {
					ranges.put(partition, new long[] { from, to });
					TreeSet<Long> buckets = directory.getOrDefault(partition, new TreeSet<>());
					order.put(partition, List.copyOf(buckets.subSet(FeedKey.bucketOf(from), true,
							FeedKey.bucketOf(to - 1), true)));
				}
			});
			return this.feeds.read(inbox, order, e -> {
				long[] range = ranges.get(e.partition());
				return e.offset() >= range[0] && e.offset() < range[1] && e.seq() > afterSeq;
			}, limit).map(reads -> page(since, ranges, order, reads, limit));
		}));
	}

	private static Page page(SyncToken since, Map<Integer, long[]> ranges, Map<Integer, List<Long>> order,
			Map<Integer, FeedStore.Read> reads, int limit) {
		List<FeedEntry> read = new ArrayList<>();
		reads.values().forEach(r -> read.addAll(r.entries()));
		read.sort(OLDEST_FIRST);
		List<FeedEntry> page = List.copyOf(read.subList(0, Math.min(limit, read.size())));
		Set<FeedEntry> returned = new HashSet<>(page);
		Map<Integer, Long> next = new TreeMap<>(since.positions());
		boolean hasMore = false;
		for (Map.Entry<Integer, long[]> range : ranges.entrySet()) {
			int partition = range.getKey();
			FeedStore.Read r = reads.get(partition);
			// all entries below the frontier were read: up to the watermark, or to the end of the last bucket read
			long position = r.exhausted(order.get(partition)) ? range.getValue()[1]
					: Math.min(range.getValue()[1], (r.buckets().get(r.buckets().size() - 1) + 1) * FeedKey.BUCKET_SPAN);
			hasMore |= !r.exhausted(order.get(partition));
			for (FeedEntry entry : r.entries()) {
				if (!returned.contains(entry)) {
					position = Math.min(position, entry.offset());
					hasMore = true;
				}
			}
			next.put(partition, Math.max(range.getValue()[0], position));
		}
		return new Page(page, new SyncToken(next), hasMore);
	}

}

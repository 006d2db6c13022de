package org.chat.message.send;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chat.message.feed.FeedEntry;
import org.chat.message.feed.FeedKey;
import org.chat.message.feed.FeedStore;
import org.chat.message.store.StoredMessage;
import reactor.core.publisher.Mono;

/**
 * Adds stored messages to the feeds that sync and history read: the recipient's inbox and the conversation.
 * Entries come from the stored copy, so a redelivery after a crash writes the very same entries again.
 */
public class SendFeeds {

	private final FeedStore feeds;

	public SendFeeds(FeedStore feeds) {
		this.feeds = feeds;
	}

	public Mono<Void> append(List<PendingSend> owned) {
		Map<FeedKey, List<FeedEntry>> entries = new LinkedHashMap<>();
		for (PendingSend send : owned) {
			StoredMessage message = send.message();
			FeedEntry entry = FeedEntry.of(message);
			entries.computeIfAbsent(FeedKey.inbox(message.recipient()), k -> new ArrayList<>()).add(entry);
			entries.computeIfAbsent(FeedKey.conversation(message.conversationId()), k -> new ArrayList<>()).add(entry);
		}
		return this.feeds.append(entries);
	}

}

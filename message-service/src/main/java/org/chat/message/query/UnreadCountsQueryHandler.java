package org.chat.message.query;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.message.fanout.ClientPayloads.CountsAck;
import org.chat.message.fanout.ClientPayloads.UnreadCount;
import org.chat.message.fanout.Fanout;
import org.chat.message.store.UnreadStore;
import reactor.core.publisher.Mono;

/** {@code get_unread_counts}: emits {@code unread_counts} (senders with count &gt; 0) and acks them too. */
public class UnreadCountsQueryHandler {

	private final UnreadStore unread;

	private final Fanout fanout;

	public UnreadCountsQueryHandler(UnreadStore unread, Fanout fanout) {
		this.unread = unread;
		this.fanout = fanout;
	}

	public Mono<Void> handle(Envelope envelope) {
		return QueryGuard.answer(this.fanout, envelope, () -> this.unread.positive(envelope.userId())
			.map(c -> new UnreadCount(c.sender(), c.count()))
			.collectList()
			.flatMap(counts -> this.fanout.reply(envelope, ClientEvents.UNREAD_COUNTS, counts,
					new CountsAck(true, counts))));
	}

}

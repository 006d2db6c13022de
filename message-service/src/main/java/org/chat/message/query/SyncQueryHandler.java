package org.chat.message.query;

import java.util.List;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.events.SyncToken;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.config.MessagesProperties;
import org.chat.message.fanout.ClientPayloads.SyncAck;
import org.chat.message.fanout.Fanout;
import org.chat.message.feed.FeedEntry;
import org.chat.message.feed.InboxSync;
import org.chat.message.receipt.DeliveredHandler;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code sync_messages}: the messages to the asking user that the chain of answers ending with the token
 * {@code since} has not returned, oldest first, one page at a time, with the token of the next page
 * ({@link InboxSync}). A message id as {@code since} (the older form) means "stamped after that message".
 * Returned messages not yet delivered count as delivered.
 */
public class SyncQueryHandler {

	private static final Logger log = LoggerFactory.getLogger(SyncQueryHandler.class);

	/** Where an older-form cursor starts: every partition from 0, filtered by stamp. */
	private record Cursor(SyncToken token, long afterSeq) {
	}

	private final MessageStore messages;

	private final InboxSync inbox;

	private final DeliveredHandler delivered;

	private final Fanout fanout;

	private final MessagesProperties properties;

	public SyncQueryHandler(MessageStore messages, InboxSync inbox, DeliveredHandler delivered, Fanout fanout,
			MessagesProperties properties) {
		this.messages = messages;
		this.inbox = inbox;
		this.delivered = delivered;
		this.fanout = fanout;
		this.properties = properties;
	}

	public Mono<Void> handle(Envelope envelope) {
		String me = envelope.userId();
		return QueryGuard.answer(this.fanout, envelope, () -> {
			SyncQuery query = envelope.payloadAs(SyncQuery.class);
			int limit = QueryGuard.limit(query.limit(), this.properties.syncPageSize(), this.properties.syncPageSize());
			return cursor(me, query.since())
				.flatMap(cursor -> this.inbox.page(me, cursor.token(), cursor.afterSeq(), limit))
				.flatMap(page -> load(page.entries()).flatMap(found -> {
					SyncAck ack = new SyncAck(true, found.stream().map(StoredMessage::view).toList(),
							page.next().encode(), page.hasMore());
					return this.fanout.reply(envelope, null, null, ack).then(markDelivered(me, found));
				}));
		});
	}

	/** The page's messages in the page's order. */
	private Mono<List<StoredMessage>> load(List<FeedEntry> entries) {
		return this.messages.findInOrder(entries.stream().map(FeedEntry::id).toList());
	}

	private Mono<Void> markDelivered(String me, List<StoredMessage> page) {
		// the whole page at once: one store read and write, one publish per gateway
		return this.delivered
			.handleAll(page.stream()
				.filter(m -> m.deliveredAt() == null)
				.map(m -> new DeliveredHandler.Report(m.id(), me))
				.toList())
			// the page is answered already; an unset deliveredAt is set by the next sync
			.onErrorResume(ex -> {
				log.warn("Marking synced messages delivered failed: {}", ex.toString());
				return Mono.empty();
			});
	}

	private Mono<Cursor> cursor(String me, String since) {
		if (since == null) {
			return Mono.just(new Cursor(SyncToken.START, -1));
		}
		if (SyncToken.isToken(since)) {
			return Mono.fromCallable(() -> new Cursor(SyncToken.decode(since), -1));
		}
		// the older form: a message I sent or received
		return this.messages.findById(since)
			.filter(m -> me.equals(m.recipient()) || me.equals(m.sender()))
			.map(m -> new Cursor(SyncToken.START, m.seq()))
			.switchIfEmpty(Mono.error(() -> new ContractViolation("since is not a sync token or a message of yours")));
	}

}

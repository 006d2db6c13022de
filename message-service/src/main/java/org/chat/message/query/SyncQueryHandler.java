package org.chat.message.query;

import java.util.List;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.config.MessagesProperties;
import org.chat.message.fanout.ClientPayloads.SyncAck;
import org.chat.message.fanout.Fanout;
import org.chat.message.receipt.DeliveredHandler;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code sync_messages}: every message to the asking user after message {@code since}, oldest first by
 * stamp, one page at a time ({@code hasMore}). Returned messages not yet delivered count as delivered.
 */
public class SyncQueryHandler {

	private static final Logger log = LoggerFactory.getLogger(SyncQueryHandler.class);

	private final MessageStore messages;

	private final DeliveredHandler delivered;

	private final Fanout fanout;

	private final MessagesProperties properties;

	public SyncQueryHandler(MessageStore messages, DeliveredHandler delivered, Fanout fanout,
			MessagesProperties properties) {
		this.messages = messages;
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
				.flatMap(after -> this.messages.toRecipientAfter(me, after, limit + 1).collectList())
				.flatMap(found -> {
					List<StoredMessage> page = found.subList(0, Math.min(limit, found.size()));
					SyncAck ack = new SyncAck(true, page.stream().map(StoredMessage::view).toList(),
							found.size() > limit);
					return this.fanout.reply(envelope, null, null, ack).then(markDelivered(me, page));
				});
		});
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

	/** @return the stamp of {@code since} (0: from the start); it must be a message I sent or received */
	private Mono<Long> cursor(String me, String since) {
		if (since == null) {
			return Mono.just(0L);
		}
		return this.messages.findById(since)
			.filter(m -> me.equals(m.recipient()) || me.equals(m.sender()))
			.map(StoredMessage::seq)
			.switchIfEmpty(Mono.error(() -> new ContractViolation("since is not a message of yours")));
	}

}

package org.chat.message.query;

import org.chat.contracts.ConversationId;
import org.chat.contracts.UserIds;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.config.MessagesProperties;
import org.chat.message.fanout.ClientPayloads.MessagesAck;
import org.chat.message.fanout.Fanout;
import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import reactor.core.publisher.Mono;

/**
 * {@code get_messages}: the conversation of the asking user with {@code otherUserId}, newest first, older
 * than the {@code before} message. The conversation id is built from the envelope's user, so nobody reads a
 * conversation they are not part of; a cursor from another conversation is rejected.
 */
public class HistoryQueryHandler {

	private final MessageStore messages;

	private final Fanout fanout;

	private final MessagesProperties properties;

	public HistoryQueryHandler(MessageStore messages, Fanout fanout, MessagesProperties properties) {
		this.messages = messages;
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
				.flatMapMany(before -> this.messages.history(conversation, before == 0 ? null : before, limit))
				.map(StoredMessage::view)
				.collectList()
				.flatMap(page -> this.fanout.reply(envelope, null, null, new MessagesAck(true, page)));
		});
	}

	/** @return the stamp of {@code before} (0 for none); an error if it is not a message of this conversation */
	private Mono<Long> cursor(String conversation, String before) {
		if (before == null) {
			return Mono.just(0L);
		}
		return this.messages.findById(before)
			.filter(m -> m.conversationId().equals(conversation))
			.map(StoredMessage::seq)
			.switchIfEmpty(Mono.error(() -> new ContractViolation("before is not a message of this conversation")));
	}

}

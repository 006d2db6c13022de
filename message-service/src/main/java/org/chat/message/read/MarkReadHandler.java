package org.chat.message.read;

import java.time.Clock;
import java.util.List;

import org.chat.contracts.UserIds;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.consume.InboundRecord;
import org.chat.message.fanout.ClientPayloads.MessagesReadUpdate;
import org.chat.message.fanout.ClientPayloads.UnreadCountUpdate;
import org.chat.message.fanout.Fanout;
import org.chat.message.store.MessageStore;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadStore;
import reactor.core.publisher.Mono;

/**
 * {@code message.read}: the envelope's user reads every message the other user sent them before this
 * record. Messages stored by records later in the same partition (the batch stores sends first; a replay
 * may find them stored) stay unread, so the read keeps its place in conversation order. The counter is then set to the recounted truth (0 unless such later sends exist),
 * which also heals any drift.
 */
public class MarkReadHandler {

	private final MessageStore messages;

	private final UnreadStore unread;

	private final Fanout fanout;

	private final Clock clock;

	public MarkReadHandler(MessageStore messages, UnreadStore unread, Fanout fanout, Clock clock) {
		this.messages = messages;
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
		// Recount only what the counter has counted: messages stored past its watermark by a crashed attempt
		// are counted when their records are redelivered, so counting them here too would count them twice.
		return this.messages.markRead(me, other, record.partition(), record.offset(), this.clock.instant())
			.then(this.unread.find(List.of(pair)))
			.flatMap(counters -> this.messages.countUnreadCounted(me, other, counters.get(pair)))
			.flatMap(remaining -> this.unread.set(me, other, remaining).then(notify(record, me, other, remaining)));
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

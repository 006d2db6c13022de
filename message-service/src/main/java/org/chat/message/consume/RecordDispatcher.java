package org.chat.message.consume;

import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.profile.ProfileHandler;
import org.chat.message.query.HistoryQueryHandler;
import org.chat.message.query.SyncQueryHandler;
import org.chat.message.query.UnreadCountsQueryHandler;
import org.chat.message.read.MarkReadHandler;
import org.chat.message.receipt.DeliveredHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Routes every non-send record to its handler. A record whose payload does not fit is logged and skipped;
 * any other failure (store down) fails the batch, which is retried (handlers are idempotent).
 */
public class RecordDispatcher {

	private static final Logger log = LoggerFactory.getLogger(RecordDispatcher.class);

	private final DeliveredHandler delivered;

	private final MarkReadHandler read;

	private final UnreadCountsQueryHandler unreadCounts;

	private final HistoryQueryHandler history;

	private final SyncQueryHandler sync;

	private final ProfileHandler profiles;

	public RecordDispatcher(DeliveredHandler delivered, MarkReadHandler read, UnreadCountsQueryHandler unreadCounts,
			HistoryQueryHandler history, SyncQueryHandler sync, ProfileHandler profiles) {
		this.delivered = delivered;
		this.read = read;
		this.unreadCounts = unreadCounts;
		this.history = history;
		this.sync = sync;
		this.profiles = profiles;
	}

	public Mono<Void> dispatch(InboundRecord record) {
		return Mono.defer(() -> switch (record.type()) {
			case MESSAGE_DELIVERED -> this.delivered.handle(record.userId(), record.payload(MessageDelivered.class));
			case MESSAGES_READ -> this.read.handle(record);
			case UNREAD_COUNTS_QUERY -> this.unreadCounts.handle(record.envelope());
			case HISTORY_QUERY -> this.history.handle(record.envelope());
			case SYNC_QUERY -> this.sync.handle(record.envelope());
			case PROFILE_UPDATE -> this.profiles.profile(record);
			case LAST_SEEN -> this.profiles.lastSeen(record);
			default -> {
				log.warn("Skipping {} record {}@{}: not for this service", record.type(), record.partition(),
						record.offset());
				yield Mono.<Void>empty();
			}
		}).onErrorResume(ContractViolation.class, ex -> {
			log.warn("Skipping {} {}@{} ({}): {}", record.type().wireName(), record.partition(), record.offset(),
					record.envelope().eventId(), ex.getMessage());
			return Mono.empty();
		});
	}

}

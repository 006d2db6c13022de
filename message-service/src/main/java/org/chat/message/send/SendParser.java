package org.chat.message.send;

import java.time.Instant;
import java.util.Optional;

import org.chat.contracts.ConversationId;
import org.chat.contracts.UserIds;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.consume.InboundRecord;
import org.chat.message.order.HybridClock;
import org.chat.message.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a send record into the message to store; the sender is the envelope's user, never the payload's. */
public class SendParser {

	private static final Logger log = LoggerFactory.getLogger(SendParser.class);

	private final HybridClock clock;

	public SendParser(HybridClock clock) {
		this.clock = clock;
	}

	public Optional<PendingSend> parse(InboundRecord record) {
		try {
			SendMessage send = record.payload(SendMessage.class);
			String sender = record.userId();
			if (send.messageId() == null || send.messageId().isBlank() || !UserIds.isValid(send.toUserId())
					|| send.text() == null) {
				throw new ContractViolation("send without messageId, valid toUserId or text");
			}
			Instant createdAt = send.createdAt() != null ? send.createdAt()
					: record.envelope().sentAt() != null ? record.envelope().sentAt() : Instant.now();
			StoredMessage message = new StoredMessage(send.messageId(), ConversationId.of(sender, send.toUserId()),
					sender, send.toUserId(), send.text(), false, createdAt, null, null, send.clientMessageId(),
					this.clock.next(), record.partition(), record.offset());
			return Optional.of(new PendingSend(record, message));
		}
		catch (ContractViolation ex) {
			log.warn("Skipping send {}@{} ({}): {}", record.partition(), record.offset(), record.envelope().eventId(),
					ex.getMessage());
			return Optional.empty();
		}
	}

}

package org.chat.message.consume;

import java.util.Optional;

import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;

/** Where a send sits and whom it is for, enough to keep a read from covering it. */
record SendRef(int partition, long offset, String recipient, String messageId) {

	static Optional<SendRef> of(InboundRecord send) {
		try {
			SendMessage payload = send.payload(SendMessage.class);
			if (payload.messageId() == null || payload.toUserId() == null) {
				return Optional.empty();
			}
			return Optional.of(new SendRef(send.partition(), send.offset(), payload.toUserId(), payload.messageId()));
		}
		catch (ContractViolation ex) {
			return Optional.empty();
		}
	}

}

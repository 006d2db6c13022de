package org.chat.message.send;

import org.chat.message.consume.InboundRecord;
import org.chat.message.store.StoredMessage;

/**
 * A send record of the batch and the message it stores. After the insert, {@code message} is the stored
 * document (the first writer's, for a duplicate).
 */
public record PendingSend(InboundRecord record, StoredMessage message) {

	public PendingSend withStored(StoredMessage stored) {
		return new PendingSend(this.record, stored);
	}

	/** True if the stored message was written by this very record (new insert, or redelivery of it). */
	public boolean ownsStoredMessage() {
		return this.message.storedBy(this.record.partition(), this.record.offset());
	}

}

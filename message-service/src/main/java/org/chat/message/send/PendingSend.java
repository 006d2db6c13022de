package org.chat.message.send;

import org.chat.message.consume.InboundRecord;
import org.chat.message.store.StoredMessage;

/**
 * A send record of the batch and the message it stores. After the insert, {@code message} is the stored
 * document (the first writer's, for a duplicate) and {@code inserted} says whether this attempt wrote it.
 */
public record PendingSend(InboundRecord record, StoredMessage message, boolean inserted) {

	public PendingSend(InboundRecord record, StoredMessage message) {
		this(record, message, false);
	}

	public PendingSend asInserted() {
		return new PendingSend(this.record, this.message, true);
	}

	public PendingSend withStored(StoredMessage stored) {
		return new PendingSend(this.record, stored, false);
	}

	/** True if the stored message was written by this very record (new insert, or redelivery of it). */
	public boolean ownsStoredMessage() {
		return this.message.storedBy(this.record.partition(), this.record.offset());
	}

}

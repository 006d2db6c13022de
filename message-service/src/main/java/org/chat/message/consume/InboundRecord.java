package org.chat.message.consume;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;

/**
 * A decoded chat.messages record and where it sits in its partition. {@code decodedPayload} is the payload
 * already decoded to its record (sends and receipts, see {@link RecordDecoder}; the envelope then carries no
 * payload tree), or {@code null}: read the payload with {@link #payload}, never through the envelope.
 */
public record InboundRecord(int partition, long offset, EventType type, Envelope envelope, Object decodedPayload) {

	public InboundRecord(int partition, long offset, EventType type, Envelope envelope) {
		this(partition, offset, type, envelope, null);
	}

	public <T> T payload(Class<T> payloadType) {
		return payloadType.isInstance(this.decodedPayload) ? payloadType.cast(this.decodedPayload)
				: this.envelope.payloadAs(payloadType);
	}

	public String userId() {
		return this.envelope.userId();
	}

}

package org.chat.message.consume;

import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;

/** A decoded chat.messages record and where it sits in its partition. */
public record InboundRecord(int partition, long offset, EventType type, Envelope envelope) {

	public <T> T payload(Class<T> payloadType) {
		return this.envelope.payloadAs(payloadType);
	}

	public String userId() {
		return this.envelope.userId();
	}

}

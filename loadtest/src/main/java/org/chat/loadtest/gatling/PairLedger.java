package org.chat.loadtest.gatling;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.gatling.http.action.ws.WsInboundMessage;
import org.chat.loadtest.socketio.SioFrame;

/**
 * What one pair of the chat simulation sent (acked) and received, by clientMessageId. A virtual user runs its
 * actions one at a time, so no locking.
 */
final class PairLedger {

	static final String KEY = "ledger";

	private static final String RECEIVE = "42[\"receive_private_message\"";

	private final Set<String> acked = new HashSet<>();

	private final Set<String> received = new HashSet<>();

	void acked(String clientMessageId) {
		this.acked.add(clientMessageId);
	}

	void collect(List<WsInboundMessage> messages) {
		for (WsInboundMessage message : messages) {
			if (message instanceof WsInboundMessage.Text text && text.message().startsWith(RECEIVE)) {
				String clientMessageId = SioFrame.stringField(text.message(), "clientMessageId");
				if (clientMessageId != null) {
					this.received.add(clientMessageId);
				}
			}
		}
	}

	/** Acked messages the partner has not received. */
	int undelivered() {
		int missing = 0;
		for (String id : this.acked) {
			missing += this.received.contains(id) ? 0 : 1;
		}
		return missing;
	}

	int acked() {
		return this.acked.size();
	}

}

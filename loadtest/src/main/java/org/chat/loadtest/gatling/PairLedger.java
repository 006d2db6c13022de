package org.chat.loadtest.gatling;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.gatling.http.action.ws.WsInboundMessage;
import org.chat.loadtest.socketio.SioFrame;

/**
 * What one pair of the chat simulation sent (acked) and received, by socket name and clientMessageId: a message
 * counts as delivered only when it reached the partner's socket. A virtual user runs its actions one at a time,
 * so no locking.
 */
final class PairLedger {

	static final String KEY = "ledger";

	private static final String RECEIVE = "42[\"receive_private_message\"";

	private final Set<String> acked = new HashSet<>();

	private final Set<String> received = new HashSet<>();

	/** The server acked a message for the partner on socket {@code toSocket}. */
	void acked(String toSocket, String clientMessageId) {
		this.acked.add(key(toSocket, clientMessageId));
	}

	/** Frames taken from socket {@code socket}'s buffer of unmatched frames. */
	void collect(String socket, List<WsInboundMessage> messages) {
		for (WsInboundMessage message : messages) {
			if (message instanceof WsInboundMessage.Text text && text.message().startsWith(RECEIVE)) {
				String clientMessageId = SioFrame.eventArgument(text.message()).path("clientMessageId").stringValue(null);
				if (clientMessageId != null) {
					this.received.add(key(socket, clientMessageId));
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

	private static String key(String socket, String clientMessageId) {
		return socket + '/' + clientMessageId;
	}

}

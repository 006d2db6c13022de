package org.chat.message.fanout;

import java.util.List;

import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.client.MessageView;

/** Data and ack shapes of PROTOCOL.md that this service emits. */
public final class ClientPayloads {

	private ClientPayloads() {
	}

	/** {@code unread_count_update} */
	public record UnreadCountUpdate(String fromUserId, long count) {
	}

	/** {@code message_delivered} */
	public record MessageDelivered(String messageId, String toUserId) {
	}

	/** {@code messages_read_update} */
	public record MessagesReadUpdate(String readByUserId) {
	}

	/** One entry of {@code unread_counts}. */
	public record UnreadCount(String userId, long count) {
	}

	public record CountsAck(boolean ok, List<UnreadCount> counts) {
	}

	public record MessagesAck(boolean ok, List<MessageView> messages) {
	}

	public record SyncAck(boolean ok, List<MessageView> messages, String next, boolean hasMore) {
	}

	public record Failure(boolean ok, Error error) {

		public static Failure of(ErrorCode code, String message) {
			return new Failure(false, new Error(code.code(), message));
		}

	}

	public record Error(String code, String message) {
	}

}

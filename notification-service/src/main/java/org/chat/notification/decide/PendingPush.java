package org.chat.notification.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.apache.kafka.common.TopicPartition;

/** A consumed send whose recipient has neither had it on a socket nor read it yet. */
final class PendingPush {

	final String messageId;

	final String recipient;

	final String sender;

	final String text;

	final Instant createdAt;

	final TopicPartition partition;

	final long offset;

	/** From consuming the send to the end of its grace period: the wait when the recipient has a session. */
	final Duration grace;

	ScheduledFuture<?> deadline;

	PendingPush(String messageId, String recipient, String sender, String text, Instant createdAt,
			TopicPartition partition, long offset, Duration grace) {
		this.messageId = messageId;
		this.recipient = recipient;
		this.sender = sender;
		this.text = text;
		this.createdAt = createdAt;
		this.partition = partition;
		this.offset = offset;
		this.grace = grace;
	}

	String pair() {
		return pair(this.recipient, this.sender);
	}

	static String pair(String recipient, String sender) {
		return recipient + '|' + sender;
	}

}

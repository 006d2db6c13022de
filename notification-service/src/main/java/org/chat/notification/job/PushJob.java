package org.chat.notification.job;

import java.time.Instant;

import org.chat.contracts.json.Json;
import org.chat.notification.settings.Device;

/**
 * One push to one device on {@code chat.push.jobs} (key: recipient). {@code MESSAGE} shows a message
 * ({@code text} is null when the recipient turned previews off); {@code READ} tells the device that the
 * conversation with {@code senderId} was read elsewhere (dismiss, new badge). {@code partition}/{@code offset}
 * locate the message's record on chat.messages (the badge counts it even if the store has not yet).
 */
public record PushJob(String jobId, Kind kind, String userId, Device device, String senderId, String messageId,
		String text, Instant createdAt, int partition, long offset) {

	public enum Kind {

		MESSAGE, READ

	}

	public byte[] toBytes() {
		return Json.write(this);
	}

	public static PushJob fromBytes(byte[] bytes) {
		return Json.read(bytes, PushJob.class);
	}

}

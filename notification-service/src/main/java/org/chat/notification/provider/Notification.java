package org.chat.notification.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chat.contracts.ConversationId;
import org.chat.notification.job.PushJob;

/**
 * What a push says, independent of the platform. {@code text} is null with previews off; {@code collapseId}
 * names the conversation, so a newer push replaces the previous one (APNs {@code apns-collapse-id}, FCM
 * {@code collapse_key}/{@code tag}, Web Push {@code Topic}): 22 base64url characters, within every
 * platform's limit (Web Push: 32, APNs: 64 bytes) whatever the user ids' length.
 */
public record Notification(PushJob.Kind kind, String from, String text, String messageId, int badge,
		String collapseId) {

	public static final String NO_PREVIEW_BODY = "New message";

	public static Notification of(PushJob job, int badge) {
		return new Notification(job.kind(), job.senderId(), job.text(), job.messageId(), badge,
				collapseId(job.userId(), job.senderId()));
	}

	public boolean isMessage() {
		return this.kind == PushJob.Kind.MESSAGE;
	}

	/** The visible body: the text, or a fixed phrase when previews are off. */
	public String body() {
		return this.text != null ? this.text : NO_PREVIEW_BODY;
	}

	/** The app-level fields every platform carries (FCM data values must be strings). */
	public Map<String, String> data() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("type", isMessage() ? "message" : "read");
		data.put("from", this.from);
		if (this.messageId != null) {
			data.put("messageId", this.messageId);
		}
		data.put("unread", Integer.toString(this.badge));
		data.put("tag", this.collapseId);
		return data;
	}

	static String collapseId(String recipient, String sender) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(ConversationId.of(recipient, sender).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

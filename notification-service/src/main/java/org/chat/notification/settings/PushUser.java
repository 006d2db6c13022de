package org.chat.notification.settings;

import java.util.List;
import java.util.Set;

/** What the notification path knows of a user: devices and preferences (defaults: previews on, none muted). */
public record PushUser(String userId, List<Device> devices, boolean previews, Set<String> muted) {

	public static PushUser none(String userId) {
		return new PushUser(userId, List.of(), true, Set.of());
	}

	public boolean mutes(String senderId) {
		return this.muted.contains(senderId);
	}

}

package org.chat.contracts.routing;

import org.chat.contracts.json.ContractViolation;
import org.chat.contracts.json.Json;

/**
 * Value of one field of {@code PresenceKeys.sessions(userId)} (field = session id). A session is routable
 * from {@code session.opened}; it counts as online once {@code registered}.
 */
public record SessionEntry(String gatewayId, long epoch, boolean registered, long registeredAt) {

	public String toJson() {
		return Json.writeString(this);
	}

	public static SessionEntry fromJson(String json) {
		try {
			return Json.read(json, SessionEntry.class);
		}
		catch (RuntimeException ex) {
			throw new ContractViolation("bad session entry: " + json, ex);
		}
	}

}

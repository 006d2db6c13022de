package org.chat.contracts;

/**
 * Redis keys of the presence model. Writers: the gateway only {@code INCR}s {@link #epoch}; every other
 * key is written by the presence-service through Lua scripts. Readers: anyone who routes.
 */
public final class PresenceKeys {

	/** Set of user ids with at least one registered session. */
	public static final String ONLINE = "presence:online";

	/** Set of gateway ids that have (or had) sessions; the sweeper walks it. */
	public static final String GATEWAYS = "presence:gateways";

	private PresenceKeys() {
	}

	/** Counter; a socket's epoch is the value of {@code INCR} when it opened. */
	public static String epoch(String userId) {
		return "presence:epoch:" + userId;
	}

	/** Hash sessionId → {@link org.chat.contracts.routing.SessionEntry} (JSON). */
	public static String sessions(String userId) {
		return "presence:sessions:" + userId;
	}

	/** Hash of the profile given in {@code register_user}: name, email, avatar, lastSeenAt. */
	public static String profile(String userId) {
		return "presence:profile:" + userId;
	}

	/** Set of "userId sessionId" members held by one gateway, so a dead gateway's sessions can be swept. */
	public static String gatewaySessions(String gatewayId) {
		return "presence:gw:sessions:" + gatewayId;
	}

	/** TTL key a gateway refreshes while it is alive. */
	public static String gatewayAlive(String gatewayId) {
		return "gateway:alive:" + gatewayId;
	}

	/** Typing expiry marker for (from → to); its TTL is the typing timeout. */
	public static String typing(String fromUserId, String toUserId) {
		return "presence:typing:" + fromUserId + ":" + toUserId;
	}

}

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

	/**
	 * Written once (SET NX) by the presence-service into a Redis that holds presence; finding it missing
	 * means Redis lost its data, so the gateways are asked to re-announce their live sessions.
	 */
	public static final String BOOT_MARKER = "presence:boot";

	/** Sorted set of "fromUserId toUserId" scored by the epoch-millis at which an unrenewed typing expires. */
	public static final String TYPING_DEADLINES = "presence:typing:deadlines";

	/** Short-lived lock (SET NX PX) that lets one presence instance broadcast the user list per window. */
	public static final String USER_LIST_GATE = "presence:userlist:gate";

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

	/**
	 * Tombstone of a closed session: the highest epoch closed for it, with a TTL, so a late or repeated
	 * open/register of that socket changes nothing.
	 */
	public static String closedSession(String userId, String sessionId) {
		return "presence:closed:" + userId + ":" + sessionId;
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

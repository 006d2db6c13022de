package org.chat.contracts;

/**
 * Redis keys of the presence model. Writers: the gateway {@code INCR}s {@link #epoch} and refreshes its
 * {@link #gatewayAlive} key; every other key is written by the presence-service through Lua scripts. Readers:
 * anyone who routes.
 * <p>
 * Every key carries the hash tag {@value #SLOT}, so on a Redis Cluster they all live in one slot: a session
 * transition touches the user's keys, the online set and gateway sets in one atomic script (a script may only
 * touch one slot), and the {@link #BOOT_MARKER} disappears exactly when the data it guards does (epochs and
 * tombstones are lost together, never one without the other).
 */
public final class PresenceKeys {

	/** The hash tag shared by every presence key (the part of a key name that Redis Cluster hashes). */
	public static final String SLOT = "{presence}";

	private static final String PREFIX = SLOT + ":";

	/** Set of user ids with at least one registered session. */
	public static final String ONLINE = PREFIX + "online";

	/** Set of gateway ids that have (or had) sessions; the sweeper walks it. */
	public static final String GATEWAYS = PREFIX + "gateways";

	/**
	 * Written once (SET NX) by the presence-service into a Redis that holds presence; finding it missing
	 * means Redis lost its data, so the gateways are asked to re-announce their live sessions.
	 */
	public static final String BOOT_MARKER = PREFIX + "boot";

	/** Sorted set of "fromUserId toUserId" scored by the epoch-millis at which an unrenewed typing expires. */
	public static final String TYPING_DEADLINES = PREFIX + "typing:deadlines";

	/**
	 * Counter the session scripts increment, in the same atomic step, whenever what user_list shows changes
	 * (online set, a profile); any instance broadcasts while it is ahead of {@link #USER_LIST_BROADCAST}.
	 */
	public static final String USER_LIST_VERSION = PREFIX + "userlist:version";

	/** The {@link #USER_LIST_VERSION} the last broadcast user list was read at. */
	public static final String USER_LIST_BROADCAST = PREFIX + "userlist:broadcast";

	/** Short-lived lock (SET NX PX) that lets one presence instance broadcast the user list per window. */
	public static final String USER_LIST_GATE = PREFIX + "userlist:gate";

	private PresenceKeys() {
	}

	/** Counter; a socket's epoch is the value of {@code INCR} when it opened. */
	public static String epoch(String userId) {
		return PREFIX + "epoch:" + userId;
	}

	/** Hash sessionId → {@link org.chat.contracts.routing.SessionEntry} (JSON). */
	public static String sessions(String userId) {
		return PREFIX + "sessions:" + userId;
	}

	/** Hash of the profile given in {@code register_user}: name, email, avatar, lastSeenAt. */
	public static String profile(String userId) {
		return PREFIX + "profile:" + userId;
	}

	/**
	 * Tombstone of a closed session: the highest epoch closed for it, with a TTL, so a late or repeated
	 * open/register of that socket changes nothing.
	 */
	public static String closedSession(String userId, String sessionId) {
		return PREFIX + "closed:" + userId + ":" + sessionId;
	}

	/** Set of "userId sessionId" members held by one gateway, so a dead gateway's sessions can be swept. */
	public static String gatewaySessions(String gatewayId) {
		return PREFIX + "gw:sessions:" + gatewayId;
	}

	/** TTL key a gateway refreshes while it is alive. */
	public static String gatewayAlive(String gatewayId) {
		return PREFIX + "gateway:alive:" + gatewayId;
	}

}

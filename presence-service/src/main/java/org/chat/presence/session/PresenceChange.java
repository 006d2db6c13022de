package org.chat.presence.session;

/** What one session script did, decoded from its integer reply. */
public enum PresenceChange {

	/** Stale, duplicate or after close: nothing changed. */
	UNCHANGED,
	/** The user entered the online set. */
	CAME_ONLINE,
	/** The user left the online set; lastSeenAt was written. */
	WENT_OFFLINE,
	/** The session state changed, the online set did not. */
	APPLIED,
	/** Sweep only: the gateway is alive again, nothing was swept. */
	GATEWAY_ALIVE;

	static PresenceChange of(long code) {
		return switch ((int) code) {
			case 0 -> UNCHANGED;
			case 1 -> CAME_ONLINE;
			case 2 -> WENT_OFFLINE;
			case 3 -> APPLIED;
			case -1 -> GATEWAY_ALIVE;
			default -> throw new IllegalStateException("unexpected session script reply " + code);
		};
	}

}

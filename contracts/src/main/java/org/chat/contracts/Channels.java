package org.chat.contracts;

/** Redis pub/sub channel names used for fan-out from the services to the gateways. */
public final class Channels {

	/** Broadcasts every gateway writes to all of its sockets (user list). */
	public static final String ALL = "chat:all";

	private static final String GATEWAY_PREFIX = "chat:gw:";

	private Channels() {
	}

	/** Deliveries for sockets held by one gateway. */
	public static String gateway(String gatewayId) {
		return GATEWAY_PREFIX + gatewayId;
	}

}

package org.chat.gateway.ids;

import java.util.UUID;

/** Envelope event ids: random UUIDs, unique across gateways without coordination. */
public final class EventIds {

	private EventIds() {
	}

	public static String next() {
		return UUID.randomUUID().toString();
	}

}

package org.chat.message.fanout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chat.contracts.fanout.GatewayMessage;

/**
 * The gateway messages of one processing step, grouped by gateway in the order they were added: the step
 * publishes each gateway's list as one batch (one PUBLISH), so the gateway sees them in that order.
 */
public final class FanoutBatch {

	private final Map<String, List<GatewayMessage>> byGateway = new LinkedHashMap<>();

	/** Adds {@code message} for every gateway where {@code user} has a session. */
	public FanoutBatch toUser(Routes routes, String user, GatewayMessage message) {
		for (String gateway : routes.gatewaysOf(user)) {
			toGateway(gateway, message);
		}
		return this;
	}

	public FanoutBatch toGateway(String gateway, GatewayMessage message) {
		this.byGateway.computeIfAbsent(gateway, g -> new ArrayList<>()).add(message);
		return this;
	}

	Map<String, List<GatewayMessage>> byGateway() {
		return this.byGateway;
	}

}

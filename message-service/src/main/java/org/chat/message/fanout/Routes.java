package org.chat.message.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gateway id → users with a session there, as the presence keys said when looked up. */
public record Routes(Map<String, Set<String>> byGateway) {

	public static final Routes NONE = new Routes(Map.of());

	public List<String> gatewaysOf(String user) {
		// asked three times per message: a plain loop, no stream
		List<String> gateways = new ArrayList<>(1);
		for (Map.Entry<String, Set<String>> entry : this.byGateway.entrySet()) {
			if (entry.getValue().contains(user)) {
				gateways.add(entry.getKey());
			}
		}
		return gateways;
	}

}

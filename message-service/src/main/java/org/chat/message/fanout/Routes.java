package org.chat.message.fanout;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gateway id → users with a session there, as the presence keys said when looked up. */
public record Routes(Map<String, Set<String>> byGateway) {

	public static final Routes NONE = new Routes(Map.of());

	public List<String> gatewaysOf(String user) {
		return this.byGateway.entrySet().stream().filter(e -> e.getValue().contains(user)).map(Map.Entry::getKey).toList();
	}

}

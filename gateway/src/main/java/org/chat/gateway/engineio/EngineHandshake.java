package org.chat.gateway.engineio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** The HTTP request that opened an Engine.IO session. */
public record EngineHandshake(InetSocketAddress remoteAddress, Map<String, List<String>> headers,
		Map<String, List<String>> query) {

	public EngineHandshake {
		headers = Map.copyOf(headers);
		query = Map.copyOf(query);
	}

}

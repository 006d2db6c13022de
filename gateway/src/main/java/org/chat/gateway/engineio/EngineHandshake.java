package org.chat.gateway.engineio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP request that opened an Engine.IO session. Headers are read through {@code headers} on demand
 * (at CONNECT) rather than copied: an idle connection should not carry a second copy of its request headers.
 */
public final class EngineHandshake {

	private final InetSocketAddress remoteAddress;

	private final Supplier<Map<String, List<String>>> headers;

	private final Map<String, List<String>> query;

	public EngineHandshake(InetSocketAddress remoteAddress, Supplier<Map<String, List<String>>> headers,
			Map<String, List<String>> query) {
		this.remoteAddress = remoteAddress;
		this.headers = headers;
		this.query = query;
	}

	public InetSocketAddress remoteAddress() {
		return remoteAddress;
	}

	/** Header names in lower case, as Node.js presents them. */
	public Map<String, List<String>> headers() {
		return headers.get();
	}

	public Map<String, List<String>> query() {
		return query;
	}

}

package org.chat.gateway.socketio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** What the HTTP handshake of the engine.io connection carried. */
public record HandshakeInfo(String engineSessionId, InetSocketAddress remoteAddress, Map<String, List<String>> headers,
		Map<String, List<String>> query) {
}

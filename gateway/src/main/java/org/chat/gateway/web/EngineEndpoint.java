package org.chat.gateway.web;

import java.util.List;
import java.util.function.Consumer;

import org.chat.gateway.engineio.EngineServer;
import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.engineio.transport.CorsPolicy;
import org.chat.gateway.engineio.transport.EngineRequestHandler;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/** One Engine.IO endpoint: the URL path it answers and its server. */
public record EngineEndpoint(String path, EngineServer server, EngineRequestHandler handler) {

	/** Builds an endpoint whose new sessions go to {@code onConnection}. */
	public static EngineEndpoint create(String path, EngineSettings settings, List<String> corsOrigins,
			HeartbeatTimer timer, Consumer<EngineSession> onConnection) {
		EngineServer server = new EngineServer(settings, timer, onConnection);
		return new EngineEndpoint(path, server,
				new EngineRequestHandler(server, new CorsPolicy(corsOrigins), upgradeStrategy(settings.maxPayload())));
	}

	/** Whether a request path is this endpoint's (with or without its trailing slash). */
	boolean matches(String requestPath) {
		return requestPath.equals(path) || requestPath.length() == path.length() - 1 && path.startsWith(requestPath);
	}

	private static ReactorNettyRequestUpgradeStrategy upgradeStrategy(int maxPayload) {
		return new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder().maxFramePayloadLength(maxPayload));
	}

}

package org.chat.gateway.engineio.transport;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Upgrades a request to WebSocket without WebFlux's HandshakeWebSocketService, so that an idle connection
 * keeps nothing of its HTTP request (docs/GATEWAY.md, "Memory per idle connection"): the service copied every
 * request header, the URI and an attribute map into each session's HandshakeInfo, and the Reactor context
 * that Reactor Netty keeps for the connection's life holds WebFlux's request observation, and through it the
 * exchange. The service's checks are {@link #isUpgrade}.
 */
final class WebSocketUpgrade {

	/** What every session gets as its handshake: the transport never reads it (the session's own is its EngineHandshake). */
	private static final HandshakeInfo SHARED_INFO = new HandshakeInfo(URI.create("/socket.io/"),
			HttpHeaders.readOnlyHttpHeaders(new HttpHeaders()), Mono.empty(), null);

	private final RequestUpgradeStrategy strategy;

	WebSocketUpgrade(RequestUpgradeStrategy strategy) {
		this.strategy = strategy;
	}

	/** GET with {@code Upgrade: websocket}, {@code Connection: upgrade} and a {@code Sec-WebSocket-Key}. */
	static boolean isUpgrade(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		return request.getMethod() == HttpMethod.GET && "websocket".equalsIgnoreCase(headers.getUpgrade())
				&& headers.getConnection().stream().anyMatch(token -> token.equalsIgnoreCase("upgrade"))
				&& headers.getFirst("Sec-WebSocket-Key") != null;
	}

	/** Completes once the handshake is answered; {@code handler} runs the connection with an empty context. */
	Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler) {
		return strategy.upgrade(exchange, handler, null, () -> SHARED_INFO).contextWrite(context -> Context.empty());
	}

}

package org.chat.gateway.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The one bridge between WebFlux and the Engine.IO endpoints: requests to an endpoint path are answered by
 * it; everything else (actuator, dev routes) continues down the chain. There is no HTTP authentication to
 * pass: the gateway has no Spring Security filter chain, Socket.IO authenticates in the CONNECT packet.
 */
public final class EngineIoWebFilter implements WebFilter, Ordered {

	/** Early: Engine.IO requests, most of the gateway's traffic, concern no other filter. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final List<EngineEndpoint> endpoints;

	public EngineIoWebFilter(List<EngineEndpoint> endpoints) {
		this.endpoints = List.copyOf(endpoints);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		for (EngineEndpoint endpoint : endpoints) {
			if (endpoint.matches(path)) {
				return endpoint.handler().handle(exchange);
			}
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}

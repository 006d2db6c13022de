package org.chat.gateway.engineio.transport;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * CORS of the polling transport: {@code *} allows any origin (answered as {@code *}, like the reference server);
 * otherwise a listed origin is echoed with credentials allowed and other origins get no CORS headers.
 */
public record CorsPolicy(List<String> allowedOrigins) {

	public CorsPolicy {
		allowedOrigins = List.copyOf(allowedOrigins);
	}

	void apply(ServerHttpRequest request, HttpHeaders response) {
		String origin = request.getHeaders().getOrigin();
		if (origin == null) {
			return;
		}
		if (allowedOrigins.contains("*")) {
			response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		}
		else if (allowedOrigins.contains(origin)) {
			response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
			response.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
		else {
			return;
		}
		String requested = request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
		if (requested != null) {
			response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested);
		}
		response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
	}

}

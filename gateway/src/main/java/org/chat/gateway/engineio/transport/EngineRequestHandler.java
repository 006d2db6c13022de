package org.chat.gateway.engineio.transport;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chat.gateway.engineio.EngineError;
import org.chat.gateway.engineio.EngineHandshake;
import org.chat.gateway.engineio.EngineServer;
import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The HTTP side of one Engine.IO endpoint: validates {@code EIO}, {@code transport} and {@code sid}, answers
 * polling GET/POST, upgrades WebSocket requests (new sessions or probes of polling sessions) and refuses bad
 * requests with HTTP 400 and the reference JSON body (HTTP 429 for an address over its connection limit).
 */
public final class EngineRequestHandler {

	private static final String SHUTTING_DOWN = "{\"message\":\"Server shutting down\"}";

	private static final MediaType PAYLOAD_TYPE = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final EngineServer server;

	private final CorsPolicy cors;

	private final WebSocketUpgrade webSocket;

	public EngineRequestHandler(EngineServer server, CorsPolicy cors, RequestUpgradeStrategy upgradeStrategy) {
		this.server = server;
		this.cors = cors;
		this.webSocket = new WebSocketUpgrade(upgradeStrategy);
	}

	public Mono<Void> handle(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		cors.apply(request, exchange.getResponse().getHeaders());
		if (request.getMethod() == HttpMethod.OPTIONS) {
			exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
			return exchange.getResponse().setComplete();
		}
		return Mono.defer(() -> route(exchange))
			.onErrorResume(EngineRequestException.class, ex -> refuse(exchange.getResponse(), ex.error()));
	}

	private Mono<Void> route(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		TransportKind kind = TransportKind.fromWire(request.getQueryParams().getFirst("transport"));
		if (kind == null || !server.settings().allows(kind)) {
			throw new EngineRequestException(EngineError.UNKNOWN_TRANSPORT);
		}
		if (!"4".equals(request.getQueryParams().getFirst("EIO"))) {
			throw new EngineRequestException(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
		}
		if (kind == TransportKind.WEBSOCKET && !WebSocketUpgrade.isUpgrade(request)) {
			throw new EngineRequestException(EngineError.BAD_REQUEST);
		}
		String sid = request.getQueryParams().getFirst("sid");
		if (sid == null) {
			if (request.getMethod() != HttpMethod.GET) {
				throw new EngineRequestException(EngineError.BAD_HANDSHAKE_METHOD);
			}
			if (!server.isAccepting()) {
				exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
				return write(exchange.getResponse(), MediaType.APPLICATION_JSON, SHUTTING_DOWN);
			}
			EngineHandshake handshake = handshake(request);
			if (!server.reserve(handshake.remoteAddress())) {
				throw new EngineRequestException(EngineError.TOO_MANY_CONNECTIONS);
			}
			return kind == TransportKind.POLLING ? openPolling(exchange, handshake) : openWebSocket(exchange, handshake);
		}
		EngineSession session = server.find(sid);
		if (session == null) {
			throw new EngineRequestException(EngineError.UNKNOWN_SID);
		}
		return kind == TransportKind.POLLING ? polling(exchange, session) : upgrade(exchange, session);
	}

	/** The address slot {@code route} reserved passes to the session, which gives it back when it ends. */
	private Mono<Void> openPolling(ServerWebExchange exchange, EngineHandshake handshake) {
		PollingTransport transport = new PollingTransport(server.settings().maxPayload());
		EngineSession session;
		try {
			session = server.open(transport, handshake);
		}
		catch (RuntimeException ex) {
			server.unreserve(handshake.remoteAddress());
			throw ex;
		}
		transport.bind(session);
		return writePayload(exchange.getResponse(), transport.poll());
	}

	/**
	 * The reserved slot goes either to the session (the upgrade succeeded) or back to the server (the upgrade
	 * failed or was cancelled first): whichever claims {@code pending} first, exactly once.
	 */
	private Mono<Void> openWebSocket(ServerWebExchange exchange, EngineHandshake handshake) {
		AtomicBoolean pending = new AtomicBoolean(true);
		return webSocket.upgrade(exchange, socket -> {
			if (!pending.compareAndSet(true, false)) {
				return socket.close();
			}
			WebSocketTransport transport = new WebSocketTransport();
			return transport.run(socket, server.open(transport, handshake));
		}).doFinally(signal -> {
			if (pending.compareAndSet(true, false)) {
				server.unreserve(handshake.remoteAddress());
			}
		});
	}

	/** Like the reference server, a refused probe (already upgraded or upgrading) is accepted and then closed. */
	private Mono<Void> upgrade(ServerWebExchange exchange, EngineSession session) {
		return webSocket.upgrade(exchange, socket -> {
			WebSocketTransport probe = new WebSocketTransport();
			return session.beginProbe(probe) ? probe.run(socket, session) : socket.close();
		});
	}

	private Mono<Void> polling(ServerWebExchange exchange, EngineSession session) {
		if (!(session.transport() instanceof PollingTransport transport)) {
			throw new EngineRequestException(EngineError.BAD_REQUEST);
		}
		HttpMethod method = exchange.getRequest().getMethod();
		if (method == HttpMethod.GET) {
			return writePayload(exchange.getResponse(), transport.poll());
		}
		if (method != HttpMethod.POST) {
			throw new EngineRequestException(EngineError.BAD_REQUEST);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), server.settings().maxPayload())
			.map(EngineRequestHandler::text)
			.defaultIfEmpty("")
			.flatMap(body -> {
				transport.post(body);
				return write(exchange.getResponse(), MediaType.TEXT_HTML, "ok");
			})
			.onErrorResume(DataBufferLimitException.class, ex -> {
				session.close("payload too large");
				exchange.getResponse().setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
				return exchange.getResponse().setComplete();
			});
	}

	private static Mono<Void> writePayload(ServerHttpResponse response, Mono<String> payload) {
		response.getHeaders().setContentType(PAYLOAD_TYPE);
		return response.writeWith(payload.map(text -> response.bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8))));
	}

	private static Mono<Void> write(ServerHttpResponse response, MediaType type, String body) {
		response.getHeaders().setContentType(type);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static Mono<Void> refuse(ServerHttpResponse response, EngineError error) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatus.valueOf(error.httpStatus()));
		return write(response, MediaType.APPLICATION_JSON, error.json());
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static EngineHandshake handshake(ServerHttpRequest request) {
		HttpHeaders view = request.getHeaders();
		return new EngineHandshake(request.getRemoteAddress(), () -> {
			Map<String, List<String>> headers = new HashMap<>();
			view.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			return headers;
		}, compact(request.getQueryParams()));
	}

	/** An immutable copy: Spring's query map (a linked map of ArrayLists) would stay with every session. */
	private static Map<String, List<String>> compact(Map<String, List<String>> query) {
		Map<String, List<String>> copy = new HashMap<>();
		query.forEach((name, values) -> copy.put(name,
				values.stream().map(value -> value == null ? "" : value).toList()));
		return Map.copyOf(copy);
	}

}

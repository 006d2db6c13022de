package org.chat.gateway.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.chat.gateway.engineio.EngineServer;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.socketio.SocketIoNamespaces;
import org.chat.gateway.socketio.SocketIoServer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Socket.IO server (Reactor Netty on a free port, the production bridge and protocol layers, no Spring
 * context) for tests: register namespaces in {@code setup}, connect clients to {@link #uri()}, close it after.
 * <pre>
 * try (SocketIoTestServer server = SocketIoTestServer.start(io -&gt; io.namespace("/", handler))) { ... }
 * </pre>
 */
public final class SocketIoTestServer implements AutoCloseable {

	public static final String PATH = "/socket.io/";

	private final HeartbeatTimer timer;

	private final EngineEndpoint endpoint;

	private final SocketIoNamespaces namespaces;

	private final DisposableServer http;

	private SocketIoTestServer(EngineSettings settings, Duration connectTimeout, Consumer<SocketIoServer> setup) {
		this.timer = new HeartbeatTimer(HeartbeatTimer.tickFor(settings.pingInterval()));
		this.namespaces = new SocketIoNamespaces(timer, connectTimeout);
		setup.accept(namespaces);
		this.endpoint = EngineEndpoint.create(PATH, settings, List.of("*"), timer, namespaces);
		var handler = WebHttpHandlerBuilder.webHandler(exchange -> {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return exchange.getResponse().setComplete();
		}).filter(new EngineIoWebFilter(List.of(endpoint))).build();
		this.http = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
	}

	/** Production defaults (ping 25 s / 20 s, 1 MB payloads, 45 s connect timeout, queue 512). */
	public static SocketIoTestServer start(Consumer<SocketIoServer> setup) {
		return start(settings(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000, 512), Duration.ofSeconds(45),
				setup);
	}

	public static SocketIoTestServer start(EngineSettings settings, Duration connectTimeout,
			Consumer<SocketIoServer> setup) {
		return new SocketIoTestServer(settings, connectTimeout, setup);
	}

	public static EngineSettings settings(Duration pingInterval, Duration pingTimeout, int maxPayload, int queueSize) {
		return new EngineSettings(pingInterval, pingTimeout, maxPayload, queueSize,
				Set.of(TransportKind.WEBSOCKET, TransportKind.POLLING));
	}

	public int port() {
		return http.port();
	}

	/** {@code http://127.0.0.1:port}, what Socket.IO clients take. */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + port());
	}

	/** The Engine.IO URL of a transport, e.g. {@code ws://127.0.0.1:port/socket.io/?EIO=4&transport=websocket}. */
	public URI engineUri(String scheme, String transport, String sid) {
		return URI.create(scheme + "://127.0.0.1:" + port() + PATH + "?EIO=4&transport=" + transport
				+ (sid == null ? "" : "&sid=" + sid));
	}

	public SocketIoServer server() {
		return namespaces;
	}

	public EngineServer engine() {
		return endpoint.server();
	}

	@Override
	public void close() {
		endpoint.server().closeAll("server shutting down");
		http.disposeNow(Duration.ofSeconds(5));
		timer.close();
	}

}

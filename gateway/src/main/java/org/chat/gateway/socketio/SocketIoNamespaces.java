package org.chat.gateway.socketio;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.HeartbeatTimer;

/**
 * The Socket.IO server of one Engine.IO endpoint: the namespaces registered by the application, and a
 * {@link SocketIoClient} for every engine session it is handed.
 */
public final class SocketIoNamespaces implements SocketIoServer, Consumer<EngineSession> {

	private final Map<String, ConnectionHandler> handlers = new ConcurrentHashMap<>();

	private final HeartbeatTimer timer;

	private final Duration connectTimeout;

	public SocketIoNamespaces(HeartbeatTimer timer, Duration connectTimeout) {
		this.timer = timer;
		this.connectTimeout = connectTimeout;
	}

	@Override
	public void namespace(String name, ConnectionHandler handler) {
		if (name == null || !name.startsWith("/")) {
			throw new IllegalArgumentException("a namespace starts with '/': " + name);
		}
		handlers.put(name, handler);
	}

	/** A new engine session: it must CONNECT to a namespace within the connect timeout. */
	@Override
	public void accept(EngineSession session) {
		new SocketIoClient(this, session).start();
	}

	ConnectionHandler handler(String namespace) {
		return handlers.get(namespace);
	}

	HeartbeatTimer timer() {
		return timer;
	}

	Duration connectTimeout() {
		return connectTimeout;
	}

}

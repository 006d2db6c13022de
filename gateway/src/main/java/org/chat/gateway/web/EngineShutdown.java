package org.chat.gateway.web;

import java.util.List;

import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, refuses new Engine.IO sessions (HTTP 503) and closes every open one before the web server's graceful shutdown waits for open
 * requests: clients see a transport close (not a server DISCONNECT), so they reconnect, to another gateway.
 */
final class EngineShutdown implements SmartLifecycle {

	/** After default-phase application beans, before the web server's graceful shutdown (DEFAULT_PHASE - 1024). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private final List<EngineEndpoint> endpoints;

	private volatile boolean running;

	EngineShutdown(List<EngineEndpoint> endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		endpoints.forEach(endpoint -> endpoint.server().shutdown("server shutting down"));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}

package org.chat.gateway.lifecycle;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.chat.gateway.chat.ChatSessions;
import org.chat.gateway.fanout.FanoutSubscriber;
import org.chat.gateway.kafka.EnvelopePublisher;
import org.chat.gateway.presence.GatewayLiveness;
import org.springframework.context.SmartLifecycle;

/**
 * Starts liveness and fan-out once the web server runs. On shutdown (SIGTERM): refuses new connections,
 * produces every session's {@code session.closed}, flushes the producer, stops fan-out and deletes the
 * liveness key; right after, the engine's shutdown closes the transports and clients reconnect elsewhere.
 */
public class GatewayLifecycle implements SmartLifecycle {

	static final String SHUTDOWN_REASON = "server shutting down";

	private static final Log log = LogFactory.getLog(GatewayLifecycle.class);

	private final ChatSessions sessions;

	private final FanoutSubscriber fanout;

	private final GatewayLiveness liveness;

	private final EnvelopePublisher publisher;

	private final Duration shutdownTimeout;

	private volatile boolean running;

	public GatewayLifecycle(ChatSessions sessions, FanoutSubscriber fanout, GatewayLiveness liveness,
			EnvelopePublisher publisher, Duration shutdownTimeout) {
		this.sessions = sessions;
		this.fanout = fanout;
		this.liveness = liveness;
		this.publisher = publisher;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public void start() {
		this.liveness.start();
		this.fanout.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.sessions.drain();
		this.sessions.closeAll(SHUTDOWN_REASON);
		this.publisher.flush(this.shutdownTimeout);
		this.fanout.stop();
		this.liveness.stop();
		log.info("gateway drained: sessions closed, producer flushed, liveness key deleted");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stops before the engine's shutdown (DEFAULT_PHASE - 512) and the web server's graceful shutdown
		// (DEFAULT_PHASE - 1024), so the sockets are still open to be told to go; starts after both
		return DEFAULT_PHASE - 256;
	}

}

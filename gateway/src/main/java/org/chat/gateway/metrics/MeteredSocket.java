package org.chat.gateway.metrics;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.json.RawJson;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.metrics.GatewayMetrics.ShedReason;
import org.chat.gateway.socketio.Ack;
import org.chat.gateway.socketio.EventListener;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Counts what crosses one chat socket: client events in (the time to their acks, and the errors these carry),
 * emits out (by outcome), {@code chat_error}s, the delivery latency of {@code receive_private_message}, and why the
 * socket ended. The chat layer sees only this wrapper, so every path that answers or emits is counted without knowing
 * about meters.
 */
class MeteredSocket implements SocketIoSocket {

	private final SocketIoSocket delegate;

	private final GatewayMetrics metrics;

	private final Clock clock;

	private boolean disconnectCounted;

	MeteredSocket(SocketIoSocket delegate, GatewayMetrics metrics, Clock clock) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public void on(String event, EventListener listener) {
		this.delegate.on(event, counted(listener));
	}

	@Override
	public void onAny(EventListener listener) {
		this.delegate.onAny(counted(listener));
	}

	private EventListener counted(EventListener listener) {
		return (socket, event, args, ack) -> {
			this.metrics.eventIn(event);
			listener.onEvent(socket, event, args, (ack != null) ? counted(event, ack) : null);
		};
	}

	private Ack counted(String event, Ack ack) {
		Instant received = this.clock.instant();
		return args -> {
			this.metrics.acked(event, Duration.between(received, this.clock.instant()));
			JsonNode ok = member(args, "ok");
			if (ok.isBoolean() && !ok.booleanValue()) {
				this.metrics.error(member(args, "error").path("code").asString(GatewayMetrics.OTHER));
			}
			ack.send(args);
		};
	}

	@Override
	public Outcome emit(String event, Delivery delivery, Object... args) {
		return counted(this.delegate.emit(event, delivery, args), event, args);
	}

	@Override
	public Outcome emit(PreparedEvent event, Delivery delivery) {
		return counted(this.delegate.emit(event, delivery), event.event(), event.args());
	}

	private Outcome counted(Outcome outcome, String event, Object[] args) {
		if (ClientEvents.CHAT_ERROR.equals(event) && readable(args)) {
			this.metrics.error(member(args, "code").asString(GatewayMetrics.OTHER));
		}
		if (outcome.queued()) {
			this.metrics.eventOut(event);
			if (ClientEvents.RECEIVE_PRIVATE_MESSAGE.equals(event)) {
				recordLatency(member(args, "createdAt"));
			}
		}
		switch (outcome) {
			case QUEUED -> {
				// counted above
			}
			case REPLACED -> this.metrics.shed(ShedReason.SUPERSEDED);
			case SHED -> this.metrics.shed(ShedReason.DROPPABLE);
			case OVERFLOW -> this.metrics.shed(ShedReason.OVERFLOW);
			case CLOSED -> {
				// the socket is gone; its close is counted by the connections gauge
			}
		}
		return outcome;
	}

	private static boolean readable(Object[] args) {
		return args.length > 0 && (args[0] instanceof JsonNode || args[0] instanceof RawJson);
	}

	/**
	 * A top-level member of the first argument: of a tree, or read from a fan-out's raw JSON without building its
	 * tree (a message view is passed on, never parsed whole); missing for anything else.
	 */
	private static JsonNode member(Object[] args, String name) {
		if (args.length > 0 && args[0] instanceof JsonNode node) {
			return node.path(name);
		}
		if (args.length > 0 && args[0] instanceof RawJson raw) {
			return raw.path(name);
		}
		return MissingNode.getInstance();
	}

	private void recordLatency(JsonNode createdAt) {
		if (!createdAt.isString()) {
			return;
		}
		try {
			this.metrics.delivered(Duration.between(Instant.parse(createdAt.stringValue()), this.clock.instant()));
		}
		catch (DateTimeParseException ex) {
			// not a message of ours; nothing to measure
		}
	}

	@Override
	public String id() {
		return this.delegate.id();
	}

	@Override
	public String namespace() {
		return this.delegate.namespace();
	}

	@Override
	public JsonNode handshakeAuth() {
		return this.delegate.handshakeAuth();
	}

	@Override
	public InetSocketAddress remoteAddress() {
		return this.delegate.remoteAddress();
	}

	/**
	 * Counts the socket's end by its reason, once however many listeners there are. Counted through the chat
	 * layer's own listener rather than one more of ours: a second listener per socket costs a list per socket.
	 */
	@Override
	public void onDisconnect(Consumer<String> listener) {
		this.delegate.onDisconnect(reason -> {
			countDisconnect(reason);
			listener.accept(reason);
		});
	}

	private void countDisconnect(String reason) {
		synchronized (this) {
			if (this.disconnectCounted) {
				return;
			}
			this.disconnectCounted = true;
		}
		this.metrics.disconnected(reason);
	}

	@Override
	public void ack(long ackId, Object... args) {
		this.delegate.ack(ackId, args);
	}

	@Override
	public void disconnect(String reason) {
		this.delegate.disconnect(reason);
	}

	@Override
	public boolean isConnected() {
		return this.delegate.isConnected();
	}

}

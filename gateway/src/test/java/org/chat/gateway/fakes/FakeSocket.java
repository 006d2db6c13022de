package org.chat.gateway.fakes;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.socketio.Ack;
import org.chat.gateway.socketio.EventListener;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/** A socket that records what the application emits and lets a test fire client events. */
public class FakeSocket implements SocketIoSocket {

	/** One emit; {@code prepared} is the shared encoded event when the application prepared one. */
	public record Emitted(String event, Delivery delivery, List<Object> args, PreparedEvent prepared) {

		public JsonNode data() {
			return Json.tree(this.args.get(0));
		}

		public boolean droppable() {
			return this.delivery.droppable();
		}

	}

	private final String id;

	private final Map<String, EventListener> listeners = new HashMap<>();

	private final List<Consumer<String>> disconnectListeners = new ArrayList<>();

	private final List<Emitted> emitted = new CopyOnWriteArrayList<>();

	private EventListener anyListener;

	private volatile boolean connected = true;

	private volatile String disconnectReason;

	private volatile Outcome outcome = Outcome.QUEUED;

	public FakeSocket(String id) {
		this.id = id;
	}

	public void fire(String event, List<JsonNode> args, Ack ack) {
		this.listeners.getOrDefault(event, this.anyListener).onEvent(this, event, args, ack);
	}

	public void fire(String event, String jsonArg, Ack ack) {
		fire(event, List.of(Json.MAPPER.readTree(jsonArg)), ack);
	}

	/** The client went away. */
	public void close(String reason) {
		this.connected = false;
		this.disconnectListeners.forEach(listener -> listener.accept(reason));
	}

	public List<Emitted> emitted() {
		return this.emitted;
	}

	public String disconnectReason() {
		return this.disconnectReason;
	}

	/** What the next emits report (e.g. SHED). */
	public void outcome(Outcome next) {
		this.outcome = next;
	}

	/** Whether an event of this name reaches a listener (its own or the catch-all). */
	public boolean hasListener(String event) {
		return this.listeners.containsKey(event) || this.anyListener != null;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String namespace() {
		return "/";
	}

	@Override
	public JsonNode handshakeAuth() {
		return Json.MAPPER.createObjectNode();
	}

	@Override
	public InetSocketAddress remoteAddress() {
		return new InetSocketAddress("127.0.0.1", 40000);
	}

	@Override
	public void on(String event, EventListener listener) {
		this.listeners.put(event, listener);
	}

	@Override
	public void onAny(EventListener listener) {
		this.anyListener = listener;
	}

	@Override
	public void onDisconnect(Consumer<String> listener) {
		this.disconnectListeners.add(listener);
	}

	@Override
	public Outcome emit(String event, Delivery delivery, Object... args) {
		return record(new Emitted(event, delivery, List.of(args), null));
	}

	@Override
	public Outcome emit(PreparedEvent event, Delivery delivery) {
		return record(new Emitted(event.event(), delivery, List.of(event.args()), event));
	}

	private Outcome record(Emitted emit) {
		if (!this.connected) {
			return Outcome.CLOSED;
		}
		Outcome result = this.outcome;
		if (result.queued()) {
			this.emitted.add(emit);
		}
		return result;
	}

	@Override
	public void ack(long ackId, Object... args) {
		throw new UnsupportedOperationException("the application answers through Ack");
	}

	@Override
	public void disconnect(String reason) {
		this.disconnectReason = reason;
		close("server namespace disconnect");
	}

	@Override
	public boolean isConnected() {
		return this.connected;
	}

}

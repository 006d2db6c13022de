package org.chat.gateway.socketio;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.chat.contracts.json.Json;
import org.chat.contracts.json.RawJson;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.engineio.Ids;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioPacketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.util.RawValue;

/** A socket of one namespace on one engine connection; listeners are called on the connection's I/O thread. */
final class SocketIoSocketImpl implements SocketIoSocket {

	private static final Logger log = LoggerFactory.getLogger(SocketIoSocketImpl.class);

	private final SocketIoClient client;

	private final String id = Ids.random();

	private final String namespace;

	private final JsonNode auth;

	private final InetSocketAddress remoteAddress;

	private final AtomicBoolean connected = new AtomicBoolean(true);

	/** Null until the first {@link #on}: the chat namespace has one {@link #onAny} listener and no others. */
	private Map<String, EventListener> listeners;

	private EventListener anyListener;

	/** Null, one listener, or a list: an idle socket should not carry an empty ArrayList. */
	private Object disconnectListeners;

	/**
	 * The client may emit as soon as it has the CONNECT answer, while the application's onConnect (which
	 * registers the listeners) still runs on another thread: such events wait here, in order, until
	 * {@link #ready()}. Null when there are none.
	 */
	private List<SioPacket> early;

	private boolean ready;

	SocketIoSocketImpl(SocketIoClient client, String namespace, JsonNode auth, InetSocketAddress remoteAddress) {
		this.client = client;
		this.namespace = namespace;
		this.auth = auth;
		this.remoteAddress = remoteAddress;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String namespace() {
		return namespace;
	}

	@Override
	public JsonNode handshakeAuth() {
		return auth;
	}

	@Override
	public InetSocketAddress remoteAddress() {
		return remoteAddress;
	}

	@Override
	public synchronized void on(String event, EventListener listener) {
		if (listeners == null) {
			listeners = new HashMap<>(4);
		}
		listeners.put(event, listener);
	}

	@Override
	public synchronized void onAny(EventListener listener) {
		this.anyListener = listener;
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized void onDisconnect(Consumer<String> listener) {
		if (disconnectListeners == null) {
			disconnectListeners = listener;
		}
		else if (disconnectListeners instanceof List<?> list) {
			((List<Consumer<String>>) list).add(listener);
		}
		else {
			List<Consumer<String>> list = new ArrayList<>(2);
			list.add((Consumer<String>) disconnectListeners);
			list.add(listener);
			disconnectListeners = list;
		}
	}

	@Override
	public Outcome emit(String event, Delivery delivery, Object... args) {
		if (!connected.get()) {
			return Outcome.CLOSED;
		}
		return client.send(SioPacket.of(SioPacketType.EVENT, namespace, eventData(event, args)), delivery);
	}

	@Override
	public Outcome emit(PreparedEvent event, Delivery delivery) {
		if (!connected.get()) {
			return Outcome.CLOSED;
		}
		if (!SioPacket.DEFAULT_NAMESPACE.equals(namespace)) {
			return emit(event.event(), delivery, event.args());
		}
		return client.send(event.packet(), delivery);
	}

	@Override
	public void ack(long ackId, Object... args) {
		if (!connected.get()) {
			return;
		}
		ArrayNode data = Json.MAPPER.createArrayNode();
		for (Object arg : args) {
			data.add(toTree(arg));
		}
		client.send(new SioPacket(SioPacketType.ACK, namespace, ackId, data, 0), Delivery.RELIABLE);
	}

	@Override
	public void disconnect(String reason) {
		if (connected.get()) {
			client.send(SioPacket.of(SioPacketType.DISCONNECT, namespace, null), Delivery.RELIABLE);
			client.remove(this);
			onGone(reason);
		}
	}

	@Override
	public boolean isConnected() {
		return connected.get();
	}

	void onClientDisconnect() {
		client.remove(this);
		onGone("client namespace disconnect");
	}

	void onEvent(SioPacket packet) {
		synchronized (this) {
			if (!this.ready) {
				if (this.early == null) {
					this.early = new ArrayList<>(2);
				}
				this.early.add(packet);
				return;
			}
		}
		deliver(packet);
	}

	/** The application's onConnect has run: deliver the events that arrived meanwhile, then go direct. */
	void ready() {
		while (true) {
			List<SioPacket> batch;
			synchronized (this) {
				if (this.early == null) {
					this.ready = true;
					return;
				}
				batch = this.early;
				this.early = null;
			}
			batch.forEach(this::deliver);
		}
	}

	private void deliver(SioPacket packet) {
		String event = packet.data().get(0).stringValue();
		List<JsonNode> args = new ArrayList<>(packet.data().size() - 1);
		for (int i = 1; i < packet.data().size(); i++) {
			args.add(packet.data().get(i));
		}
		EventListener listener;
		synchronized (this) {
			listener = listeners == null ? anyListener : listeners.getOrDefault(event, anyListener);
		}
		if (listener == null) {
			log.debug("socket {} has no listener for {}", id, event);
			return;
		}
		Ack ack = packet.hasAck() ? new OnceAck(this, packet.ackId()) : null;
		try {
			listener.onEvent(this, event, args, ack);
		}
		catch (RuntimeException ex) {
			log.error("listener of {} failed on socket {}", event, id, ex);
		}
	}

	/** The socket is gone (client or server disconnect, or the connection closed): tell listeners once. */
	void onGone(String reason) {
		if (!connected.compareAndSet(true, false)) {
			return;
		}
		List<Consumer<String>> toCall;
		synchronized (this) {
			toCall = disconnectListeners();
		}
		for (Consumer<String> listener : toCall) {
			try {
				listener.accept(reason);
			}
			catch (RuntimeException ex) {
				log.error("disconnect listener failed on socket {}", id, ex);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private List<Consumer<String>> disconnectListeners() {
		if (disconnectListeners == null) {
			return List.of();
		}
		return disconnectListeners instanceof List<?> list ? List.copyOf((List<Consumer<String>>) list)
				: List.of((Consumer<String>) disconnectListeners);
	}

	/** The data array of an EVENT packet: the event name, then the arguments. */
	static ArrayNode eventData(String event, Object... args) {
		ArrayNode data = Json.MAPPER.createArrayNode().add(event);
		for (Object arg : args) {
			data.add(toTree(arg));
		}
		return data;
	}

	private static JsonNode toTree(Object arg) {
		if (arg instanceof JsonNode node) {
			return node;
		}
		if (arg instanceof RawJson raw) {
			// written as its text (e.g. a REPLY's ack from Redis): no tree is built of it
			return Json.MAPPER.getNodeFactory().rawValueNode(new RawValue(raw.text()));
		}
		if (arg instanceof byte[] bytes) {
			return BinaryNode.valueOf(bytes);
		}
		return Json.tree(arg);
	}

	/** Sends the answer of one ack id at most once. */
	private static final class OnceAck extends AtomicBoolean implements Ack {

		private final SocketIoSocketImpl socket;

		private final long ackId;

		OnceAck(SocketIoSocketImpl socket, long ackId) {
			this.socket = socket;
			this.ackId = ackId;
		}

		@Override
		public void send(Object... args) {
			if (compareAndSet(false, true)) {
				socket.ack(ackId, args);
			}
		}

	}

}

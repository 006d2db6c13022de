package org.chat.gateway.socketio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.netty.util.Timeout;
import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.engineio.EngineListener;
import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.SendOutcome;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.socketio.codec.BinaryAssembler;
import org.chat.gateway.socketio.codec.SioCodec;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioPacketType;
import org.chat.gateway.socketio.codec.SioProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The Socket.IO side of one engine session: decodes packets (reassembling binary attachments), connects
 * namespaces through their handler's authorize(), routes events to sockets, and closes the connection on any
 * protocol violation or when no namespace was joined within the connect timeout.
 */
final class SocketIoClient implements EngineListener {

	private static final Logger log = LoggerFactory.getLogger(SocketIoClient.class);

	private final SocketIoNamespaces server;

	private final EngineSession engine;

	private final Map<String, SocketIoSocketImpl> sockets = new HashMap<>(2);

	/** Namespaces whose CONNECT is being authorized; null when none (the idle case). */
	private Set<String> connecting;

	private BinaryAssembler assembler;

	private Timeout connectTimer;

	SocketIoClient(SocketIoNamespaces server, EngineSession engine) {
		this.server = server;
		this.engine = engine;
	}

	void start() {
		engine.listener(this);
		connectTimer = server.timer().schedule(this::connectTimedOut, server.connectTimeout().toNanos());
	}

	@Override
	public void onMessage(EngineSession session, EnginePacket message) {
		SioPacket packet;
		try {
			packet = assemble(message);
		}
		catch (SioProtocolException ex) {
			log.debug("engine session {} violated the protocol: {}", engine.id(), ex.getMessage());
			engine.close("parse error");
			return;
		}
		if (packet != null) {
			dispatch(packet);
		}
	}

	@Override
	public void onClose(EngineSession session, String reason) {
		List<SocketIoSocketImpl> gone;
		synchronized (this) {
			cancelConnectTimer();
			gone = new ArrayList<>(sockets.values());
			sockets.clear();
		}
		gone.forEach(socket -> socket.onGone(reason));
	}

	SocketIoSocket.Outcome send(SioPacket packet, Delivery delivery) {
		SioCodec.Encoded encoded = SioCodec.encode(packet);
		List<EnginePacket> packets = new ArrayList<>(1 + encoded.attachments().size());
		packets.add(EnginePacket.message(encoded.text()));
		encoded.attachments().forEach(bytes -> packets.add(EnginePacket.message(bytes)));
		return outcome(engine.send(packets, delivery));
	}

	/** Queues a packet encoded once for many sessions. */
	SocketIoSocket.Outcome send(EnginePacket prepared, Delivery delivery) {
		return outcome(engine.send(List.of(prepared), delivery));
	}

	private static SocketIoSocket.Outcome outcome(SendOutcome outcome) {
		return SocketIoSocket.Outcome.valueOf(outcome.name());
	}

	synchronized void remove(SocketIoSocketImpl socket) {
		sockets.remove(socket.namespace(), socket);
	}

	private synchronized SioPacket assemble(EnginePacket message) {
		if (message.isBinary()) {
			if (assembler == null) {
				throw new SioProtocolException("unexpected binary attachment");
			}
			SioPacket complete = assembler.add(message.binary());
			if (complete != null) {
				assembler = null;
			}
			return complete;
		}
		if (assembler != null) {
			throw new SioProtocolException("text packet while waiting for binary attachments");
		}
		SioPacket packet = SioCodec.decode(message.text());
		if (packet.type().isBinary() && packet.attachments() > 0) {
			assembler = new BinaryAssembler(packet);
			return null;
		}
		return packet;
	}

	private void dispatch(SioPacket packet) {
		if (packet.type() == SioPacketType.CONNECT) {
			connect(packet);
			return;
		}
		SocketIoSocketImpl socket;
		synchronized (this) {
			socket = sockets.get(packet.namespace());
		}
		if (socket == null || packet.type() == SioPacketType.CONNECT_ERROR) {
			log.debug("engine session {}: {} for namespace {} that is not connected", engine.id(), packet.type(),
					packet.namespace());
			engine.close("parse error");
			return;
		}
		switch (packet.type()) {
			case DISCONNECT -> socket.onClientDisconnect();
			case EVENT, BINARY_EVENT -> socket.onEvent(packet);
			default -> log.debug("ignoring {}: this server never asks for acks", packet.type());
		}
	}

	private void connect(SioPacket packet) {
		String namespace = packet.namespace();
		ConnectionHandler handler = server.handler(namespace);
		if (handler == null) {
			send(connectError(namespace, "Invalid namespace"), Delivery.RELIABLE);
			return;
		}
		synchronized (this) {
			if (connecting == null) {
				connecting = new HashSet<>(2);
			}
			if (sockets.containsKey(namespace) || !connecting.add(namespace)) {
				log.debug("engine session {} is already connected to {}", engine.id(), namespace);
				return;
			}
		}
		JsonNode auth = packet.data() != null ? packet.data() : Json.MAPPER.createObjectNode();
		Mono.defer(() -> handler.authorize(auth, handshake()))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.timeout(server.connectTimeout())
			.subscribe(principal -> connected(namespace, handler, auth, principal.orElse(null)),
					error -> rejected(namespace, error));
	}

	private void connected(String namespace, ConnectionHandler handler, JsonNode auth, Object principal) {
		SocketIoSocketImpl socket;
		synchronized (this) {
			doneConnecting(namespace);
			if (!engine.isOpen()) {
				return;
			}
			cancelConnectTimer();
			socket = new SocketIoSocketImpl(this, namespace, auth, engine.handshake().remoteAddress());
			sockets.put(namespace, socket);
		}
		send(SioPacket.of(SioPacketType.CONNECT, namespace, Json.tree(Map.of("sid", socket.id()))), Delivery.RELIABLE);
		try {
			handler.onConnect(socket, principal);
		}
		catch (RuntimeException ex) {
			log.error("onConnect of namespace {} failed; disconnecting the socket", namespace, ex);
			socket.disconnect("server error");
		}
		socket.ready();
	}

	private void rejected(String namespace, Throwable error) {
		synchronized (this) {
			doneConnecting(namespace);
		}
		String message = error instanceof ConnectRejected ? error.getMessage() : "unavailable";
		if (!(error instanceof ConnectRejected)) {
			log.warn("authorize of namespace {} failed", namespace, error);
		}
		send(connectError(namespace, message), Delivery.RELIABLE);
	}

	private void doneConnecting(String namespace) {
		connecting.remove(namespace);
		if (connecting.isEmpty()) {
			connecting = null;
		}
	}

	/** Drops the timeout too: a cancelled one would stay referenced by every idle connection. */
	private void cancelConnectTimer() {
		if (connectTimer != null) {
			connectTimer.cancel();
			connectTimer = null;
		}
	}

	private void connectTimedOut() {
		synchronized (this) {
			if (!sockets.isEmpty() || connecting != null) {
				return;
			}
		}
		engine.close("connect timeout");
	}

	private HandshakeInfo handshake() {
		return new HandshakeInfo(engine.id(), engine.handshake().remoteAddress(), engine.handshake().headers(),
				engine.handshake().query());
	}

	private static SioPacket connectError(String namespace, String message) {
		return SioPacket.of(SioPacketType.CONNECT_ERROR, namespace, Json.tree(Map.of("message", message)));
	}

}

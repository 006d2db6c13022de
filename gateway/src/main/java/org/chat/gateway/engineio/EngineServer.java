package org.chat.gateway.engineio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.engineio.codec.EnginePacketType;

/**
 * The sessions of one Engine.IO endpoint: opens them (OPEN packet, heartbeat), finds them by sid, hands new
 * ones to the layer above and closes them all on shutdown.
 */
public final class EngineServer {

	private final EngineSettings settings;

	private final HeartbeatTimer timer;

	private final Consumer<EngineSession> onConnection;

	private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();

	private final AddressConnections perAddress;

	private volatile boolean accepting = true;

	private final String openAfterSidPolling;

	private final String openAfterSidWebSocket;

	public EngineServer(EngineSettings settings, HeartbeatTimer timer, Consumer<EngineSession> onConnection) {
		this.settings = settings;
		this.timer = timer;
		this.onConnection = onConnection;
		this.perAddress = new AddressConnections(settings.maxConnectionsPerAddress());
		this.openAfterSidPolling = openAfterSid(EngineSettings.TransportKind.POLLING);
		this.openAfterSidWebSocket = openAfterSid(EngineSettings.TransportKind.WEBSOCKET);
	}

	/** Open sessions per remote address ({@code chat.engine.max-connections-per-address}). */
	public AddressConnections perAddress() {
		return perAddress;
	}

	/**
	 * Takes a per-address slot for a session about to open; false when the address is at its limit. The
	 * caller either opens the session (which gives the slot back when it ends) or calls {@link #unreserve}.
	 */
	public boolean reserve(InetSocketAddress remote) {
		return perAddress.tryAcquire(address(remote));
	}

	/** Gives back a slot whose session never opened (e.g. the WebSocket upgrade failed). */
	public void unreserve(InetSocketAddress remote) {
		perAddress.release(address(remote));
	}

	public EngineSettings settings() {
		return settings;
	}

	HeartbeatTimer timer() {
		return timer;
	}

	/**
	 * Opens a session on {@code transport}: the OPEN packet is the first thing it writes. The caller has
	 * {@link #reserve reserved} the handshake's address; the slot is given back when the session ends.
	 */
	public EngineSession open(EngineTransport transport, EngineHandshake handshake) {
		String sid = Ids.random();
		EngineSession session = new EngineSession(sid, handshake, this, transport);
		sessions.put(sid, session);
		session.enqueueInternal(EnginePacket.of(EnginePacketType.OPEN, openJson(sid, transport.kind())));
		session.start();
		onConnection.accept(session);
		return session;
	}

	/** @return the open session with this sid, or null. */
	public EngineSession find(String sid) {
		EngineSession session = sid == null ? null : sessions.get(sid);
		return session == null || session.closeIfExpired() ? null : session;
	}

	public int sessionCount() {
		return sessions.size();
	}

	/** False once shutting down: new sessions are refused so clients reconnect to another gateway. */
	public boolean isAccepting() {
		return accepting;
	}

	/** Refuses new sessions and closes every open one with {@code reason}. */
	public void shutdown(String reason) {
		accepting = false;
		closeAll(reason);
	}

	/** Closes every session (e.g. "server shutting down"): clients reconnect, possibly to another gateway. */
	public void closeAll(String reason) {
		List.copyOf(sessions.values()).forEach(session -> session.close(reason));
	}

	/** Called exactly once per session, when it ends (whatever the reason): gives back its address slot. */
	void remove(EngineSession session) {
		sessions.remove(session.id(), session);
		if (session.handshake() != null) {
			unreserve(session.handshake().remoteAddress());
		}
	}

	private static InetAddress address(InetSocketAddress remote) {
		return remote == null ? null : remote.getAddress();
	}

	/** The OPEN packet's JSON; all but the sid is fixed per transport, so it is built once (ids need no escaping). */
	private String openJson(String sid, EngineSettings.TransportKind kind) {
		return "{\"sid\":\"" + sid + (kind == EngineSettings.TransportKind.POLLING ? openAfterSidPolling : openAfterSidWebSocket);
	}

	private String openAfterSid(EngineSettings.TransportKind kind) {
		boolean canUpgrade = kind == EngineSettings.TransportKind.POLLING
				&& settings.allows(EngineSettings.TransportKind.WEBSOCKET);
		Map<String, Object> open = new java.util.LinkedHashMap<>();
		open.put("sid", "");
		open.put("upgrades", canUpgrade ? List.of("websocket") : List.of());
		open.put("pingInterval", settings.pingInterval().toMillis());
		open.put("pingTimeout", settings.pingTimeout().toMillis());
		open.put("maxPayload", settings.maxPayload());
		return Json.writeString(open).substring("{\"sid\":\"".length());
	}

}

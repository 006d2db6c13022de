package org.chat.gateway.engineio;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.netty.util.Timeout;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.engineio.codec.EnginePacketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO connection: its transport (and upgrade probe), bounded outbound queue and heartbeat. State
 * changes hold the session lock; the listener is always called without it, so the layer above may send from
 * its callbacks on any thread.
 * <p>
 * The outbound queue is bounded in packets and in bytes ({@link Outgoing}: a packet counts from {@link #send}
 * until the transport takes it for writing, wherever it waits meanwhile: this buffer or the transport's own).
 */
public final class EngineSession {

	private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

	private static final AtomicIntegerFieldUpdater<EngineSession> QUEUED_PACKETS = AtomicIntegerFieldUpdater
		.newUpdater(EngineSession.class, "queuedPackets");

	private static final AtomicLongFieldUpdater<EngineSession> QUEUED_BYTES = AtomicLongFieldUpdater
		.newUpdater(EngineSession.class, "queuedBytes");

	private final String id;

	private final EngineHandshake handshake;

	private final EngineServer server;

	private final ArrayDeque<Outgoing> buffer = new ArrayDeque<>(4);

	/** Counted packets not yet taken by a transport; decremented by transports without the lock. */
	private volatile int queuedPackets;

	private volatile long queuedBytes;

	/** The last LATEST packet per key; null until the first one (most sessions never get one). */
	private Map<String, Outgoing> latest;

	private EngineTransport transport;

	private EngineTransport probe;

	private boolean probed;

	private boolean closed;

	private volatile EngineListener listener = EngineListener.IGNORE;

	private final Heartbeat heartbeat;

	EngineSession(String id, EngineHandshake handshake, EngineServer server, EngineTransport transport) {
		this.id = id;
		this.handshake = handshake;
		this.server = server;
		this.transport = transport;
		this.heartbeat = new Heartbeat(this, server.settings());
	}

	public String id() {
		return id;
	}

	public EngineHandshake handshake() {
		return handshake;
	}

	public void listener(EngineListener listener) {
		this.listener = listener;
	}

	public synchronized EngineSettings.TransportKind transportKind() {
		return transport.kind();
	}

	/** The transport currently carrying the session. */
	public synchronized EngineTransport transport() {
		return transport;
	}

	/** Lets the current transport take what it can write now (a poll request arrived). */
	public synchronized void flush() {
		if (!closed) {
			transport.flush(buffer);
		}
	}

	public synchronized boolean isOpen() {
		return !closed;
	}

	public synchronized boolean isUpgrading() {
		return probe != null;
	}

	/** @return whether {@code candidate} is the transport currently carrying this session. */
	public synchronized boolean isCurrent(EngineTransport candidate) {
		return transport == candidate && !closed;
	}

	/**
	 * Queues packets atomically (e.g. a socket.io packet and its binary attachments). Droppable packets are shed
	 * above half of either bound and never close the session; other packets that do not fit close it. A LATEST
	 * packet (one packet only) first supersedes the session's waiting packet of the same key.
	 */
	public SendOutcome send(List<EnginePacket> packets, Delivery delivery) {
		if (delivery.kind() == Delivery.Kind.LATEST && packets.size() != 1) {
			throw new IllegalArgumentException("a LATEST packet has no attachments");
		}
		synchronized (this) {
			if (closed) {
				return SendOutcome.CLOSED;
			}
			boolean replaced = delivery.kind() == Delivery.Kind.LATEST && supersede(delivery.key());
			EngineSettings settings = server.settings();
			int capacity = settings.outboundQueueSize();
			long byteCapacity = settings.outboundQueueBytes();
			int queued = queuedPackets;
			long bytes = queuedBytes;
			long size = 0;
			for (EnginePacket packet : packets) {
				size += packet.wireSize();
			}
			boolean fits = queued + packets.size() <= capacity && bytes + size <= byteCapacity;
			if (delivery.droppable() && (!fits || queued >= capacity / 2 || bytes >= byteCapacity / 2)) {
				return SendOutcome.SHED;
			}
			if (fits) {
				for (EnginePacket packet : packets) {
					buffer.add(counted(packet));
				}
				if (delivery.kind() == Delivery.Kind.LATEST) {
					if (latest == null) {
						latest = new HashMap<>(2);
					}
					latest.put(delivery.key(), buffer.peekLast());
				}
				transport.flush(buffer);
				return replaced ? SendOutcome.REPLACED : SendOutcome.QUEUED;
			}
		}
		close("outbound queue overflow");
		return SendOutcome.OVERFLOW;
	}

	/** Packets queued and not yet taken by a transport (counted against {@code outboundQueueSize}). */
	public int queuedPackets() {
		return queuedPackets;
	}

	/** Bytes of the packets queued and not yet taken by a transport (counted against {@code outboundQueueBytes}). */
	public long queuedBytes() {
		return queuedBytes;
	}

	/** A transport took (or a newer packet superseded) one counted packet of {@code bytes}. */
	void released(int bytes) {
		QUEUED_PACKETS.decrementAndGet(this);
		QUEUED_BYTES.addAndGet(this, -bytes);
	}

	private Outgoing counted(EnginePacket packet) {
		Outgoing outgoing = new Outgoing(packet, this);
		QUEUED_PACKETS.incrementAndGet(this);
		QUEUED_BYTES.addAndGet(this, outgoing.bytes());
		return outgoing;
	}

	private boolean supersede(String key) {
		Outgoing older = latest == null ? null : latest.remove(key);
		return older != null && older.supersede();
	}

	/** Closes the session by the server's decision (the client may reconnect). */
	public void close(String reason) {
		end(reason, true);
	}

	/** Closes the session if the client missed its pong deadline; polling requests call this first. */
	public boolean closeIfExpired() {
		if (heartbeat.expired()) {
			close("ping timeout");
			return true;
		}
		return false;
	}

	/** A packet the client sent on {@code from}. */
	public void onPacket(EngineTransport from, EnginePacket packet) {
		synchronized (this) {
			if (closed) {
				return;
			}
			if (from == probe) {
				onProbePacket(packet);
				return;
			}
			if (from != transport) {
				return;
			}
		}
		switch (packet.type()) {
			case MESSAGE -> listener.onMessage(this, packet);
			case PONG -> heartbeat.onPong();
			case CLOSE -> end("transport close", false);
			case PING -> end("invalid heartbeat direction", true);
			default -> log.debug("session {} ignores {}", id, packet);
		}
	}

	/** {@code from} failed or was closed by the client; a failed probe only ends the upgrade attempt. */
	public void onTransportEnded(EngineTransport from, String reason) {
		synchronized (this) {
			if (from == probe) {
				probe = null;
				probed = false;
				from.close(true);
				return;
			}
			if (from != transport) {
				return;
			}
		}
		end(reason, false);
	}

	/** Starts upgrading to {@code candidate}; false if another upgrade runs or the session ended. */
	public synchronized boolean beginProbe(EngineTransport candidate) {
		if (closed || probe != null || transport.kind() == candidate.kind()) {
			return false;
		}
		probe = candidate;
		return true;
	}

	synchronized void start() {
		transport.flush(buffer);
		heartbeat.start();
	}

	synchronized void enqueueInternal(EnginePacket packet) {
		if (!closed) {
			buffer.add(counted(packet));
			transport.flush(buffer);
		}
	}

	Timeout schedule(Runnable task, long delayNanos) {
		return server.timer().schedule(task, delayNanos);
	}

	private void onProbePacket(EnginePacket packet) {
		if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
			probed = true;
			probe.sendDirect(Outgoing.uncounted(EnginePacket.of(EnginePacketType.PONG, "probe")));
			transport.pauseForUpgrade();
		}
		else if (packet.type() == EnginePacketType.UPGRADE && probed) {
			EngineTransport previous = transport;
			transport = probe;
			probe = null;
			previous.close(false);
			transport.flush(buffer);
		}
		else {
			probe.close(true);
			probe = null;
			probed = false;
		}
	}

	private void end(String reason, boolean byServer) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			heartbeat.stop();
			buffer.clear();
			latest = null;
			transport.close(byServer);
			if (probe != null) {
				probe.close(true);
				probe = null;
			}
		}
		server.remove(this);
		log.debug("session {} closed: {}", id, reason);
		listener.onClose(this, reason);
	}

}

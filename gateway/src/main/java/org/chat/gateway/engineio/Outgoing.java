package org.chat.gateway.engineio;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.chat.gateway.engineio.codec.EnginePacket;

/**
 * One packet queued on one session. The packet may be shared by many sessions (a pre-encoded fan-out); this
 * entry is the session's own. It counts against the session's outbound bounds from {@link EngineSession#send}
 * until the transport {@link #take takes} it for writing, or until a newer LATEST packet of the same key
 * supersedes it; either way exactly once, and the entry lets go of the packet then (a skipped snapshot is not
 * kept alive by the queue it waits in).
 */
public final class Outgoing {

	private static final AtomicReferenceFieldUpdater<Outgoing, EnginePacket> PACKET = AtomicReferenceFieldUpdater
		.newUpdater(Outgoing.class, EnginePacket.class, "packet");

	private volatile EnginePacket packet;

	private final int bytes;

	/** Null for packets outside the bounds (the probe's pong). */
	private final EngineSession owner;

	Outgoing(EnginePacket packet, EngineSession owner) {
		this.packet = packet;
		this.bytes = packet.wireSize();
		this.owner = owner;
	}

	/** A packet written ahead of everything and not counted (an upgrade probe's pong). */
	public static Outgoing uncounted(EnginePacket packet) {
		return new Outgoing(packet, null);
	}

	int bytes() {
		return bytes;
	}

	/**
	 * Hands the packet to the writer: from now on it no longer counts against the bounds.
	 * @return the packet, or null if it was superseded (skip it)
	 */
	public EnginePacket take() {
		EnginePacket taken = PACKET.getAndSet(this, null);
		if (taken != null && owner != null) {
			owner.released(bytes);
		}
		return taken;
	}

	/** @return whether the packet was still waiting (it is now skipped) rather than already taken */
	boolean supersede() {
		return take() != null;
	}

	@Override
	public String toString() {
		EnginePacket current = packet;
		return current != null ? current.toString() : "<taken>";
	}

}

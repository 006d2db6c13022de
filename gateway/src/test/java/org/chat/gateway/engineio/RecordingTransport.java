package org.chat.gateway.engineio;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.chat.gateway.engineio.codec.EnginePacket;

/**
 * A transport that records what it writes; when stalled it holds packets not yet taken (a slow client), and
 * {@link #drain} then writes those not superseded meanwhile.
 */
final class RecordingTransport implements EngineTransport {

	private final EngineSettings.TransportKind kind;

	final List<EnginePacket> written = new ArrayList<>();

	final List<Outgoing> held = new ArrayList<>();

	/** Every packet written, for tests that wait for the next one. */
	final BlockingQueue<EnginePacket> stream = new LinkedBlockingQueue<>();

	boolean stalled;

	boolean paused;

	Boolean closedByServer;

	RecordingTransport(EngineSettings.TransportKind kind) {
		this.kind = kind;
	}

	@Override
	public EngineSettings.TransportKind kind() {
		return kind;
	}

	@Override
	public synchronized void flush(Deque<Outgoing> buffer) {
		held.addAll(buffer);
		buffer.clear();
		if (!stalled) {
			drain();
		}
	}

	/** The client reads again: writes what is held, skipping superseded packets. */
	synchronized void drain() {
		for (Outgoing outgoing : held) {
			write(outgoing);
		}
		held.clear();
	}

	@Override
	public synchronized void sendDirect(Outgoing packet) {
		write(packet);
	}

	private void write(Outgoing outgoing) {
		EnginePacket packet = outgoing.take();
		if (packet != null) {
			stream.add(packet);
			written.add(packet);
		}
	}

	@Override
	public void pauseForUpgrade() {
		paused = true;
	}

	@Override
	public void close(boolean byServer) {
		closedByServer = byServer;
	}

	synchronized List<EnginePacket> written() {
		return List.copyOf(written);
	}

}

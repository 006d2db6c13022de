package org.chat.gateway.engineio;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.chat.gateway.engineio.codec.EnginePacket;

/** A transport that records what it writes; when stalled it holds packets as backlog (a slow client). */
final class RecordingTransport implements EngineTransport {

	private final EngineSettings.TransportKind kind;

	final List<EnginePacket> written = new ArrayList<>();

	final List<EnginePacket> held = new ArrayList<>();

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
	public synchronized int backlog() {
		return held.size();
	}

	@Override
	public synchronized void flush(Deque<EnginePacket> buffer) {
		if (!stalled) {
			stream.addAll(buffer);
		}
		(stalled ? held : written).addAll(buffer);
		buffer.clear();
	}

	@Override
	public synchronized void sendDirect(EnginePacket packet) {
		stream.add(packet);
		written.add(packet);
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

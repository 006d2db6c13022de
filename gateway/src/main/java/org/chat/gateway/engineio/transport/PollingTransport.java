package org.chat.gateway.engineio.transport;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.chat.gateway.engineio.EngineError;
import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.EngineTransport;
import org.chat.gateway.engineio.Outgoing;
import org.chat.gateway.engineio.codec.EngineCodec;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.engineio.codec.EngineProtocolException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * HTTP long-polling: a GET waits until the session has packets (one pending GET at a time; a second one is a
 * protocol error), a POST carries client packets. An aborted GET ends the session like a closed socket.
 */
public final class PollingTransport implements EngineTransport {

	private final int maxPayload;

	private EngineSession session;

	private Sinks.One<String> pendingGet;

	private boolean paused;

	private boolean closed;

	public PollingTransport(int maxPayload) {
		this.maxPayload = maxPayload;
	}

	void bind(EngineSession session) {
		this.session = session;
	}

	@Override
	public TransportKind kind() {
		return TransportKind.POLLING;
	}

	/** A GET: the payload to answer, as soon as there is one. */
	public Mono<String> poll() {
		Sinks.One<String> sink = Sinks.one();
		boolean overlap;
		synchronized (session) {
			if (closed || !session.isCurrent(this)) {
				return Mono.error(new EngineRequestException(EngineError.BAD_REQUEST));
			}
			overlap = pendingGet != null;
			if (!overlap) {
				pendingGet = sink;
				session.flush();
				if (paused && pendingGet == sink) {
					answer(EngineCodec.encode(EnginePacket.NOOP));
				}
			}
		}
		if (overlap) {
			session.close("transport error");
			return Mono.error(new EngineRequestException(EngineError.BAD_REQUEST));
		}
		return sink.asMono().doOnCancel(() -> onCancelled(sink));
	}

	/** A POST: decodes and delivers its packets; an undecodable body closes the session. */
	public void post(String body) {
		List<EnginePacket> packets;
		try {
			packets = EngineCodec.decodePayload(body, maxPayload);
		}
		catch (EngineProtocolException ex) {
			session.close("parse error");
			throw new EngineRequestException(EngineError.BAD_REQUEST);
		}
		for (EnginePacket packet : packets) {
			session.onPacket(this, packet);
		}
	}

	/** Answers the pending GET with every queued packet not superseded (pre-encoded ones by their text). */
	@Override
	public void flush(Deque<Outgoing> buffer) {
		if (pendingGet == null) {
			return;
		}
		List<EnginePacket> packets = new ArrayList<>(buffer.size());
		Outgoing outgoing;
		while ((outgoing = buffer.poll()) != null) {
			EnginePacket packet = outgoing.take();
			if (packet != null) {
				packets.add(packet);
			}
		}
		if (!packets.isEmpty()) {
			answer(EngineCodec.encodePayload(packets));
		}
	}

	@Override
	public void sendDirect(Outgoing packet) {
		throw new UnsupportedOperationException("polling is never an upgrade target");
	}

	@Override
	public void pauseForUpgrade() {
		paused = true;
		if (pendingGet != null) {
			answer(EngineCodec.encode(EnginePacket.NOOP));
		}
	}

	@Override
	public void close(boolean byServer) {
		closed = true;
		if (pendingGet != null) {
			answer(EngineCodec.encode(byServer ? EnginePacket.CLOSE : EnginePacket.NOOP));
		}
	}

	private void answer(String payload) {
		Sinks.One<String> sink = pendingGet;
		pendingGet = null;
		sink.tryEmitValue(payload);
	}

	private void onCancelled(Sinks.One<String> sink) {
		boolean aborted;
		synchronized (session) {
			aborted = pendingGet == sink;
			if (aborted) {
				pendingGet = null;
			}
		}
		if (aborted) {
			session.onTransportEnded(this, "transport close");
		}
	}

}

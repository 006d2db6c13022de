package org.chat.gateway.engineio.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.EngineTransport;
import org.chat.gateway.engineio.codec.EngineCodec;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.engineio.codec.EngineProtocolException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The WebSocket transport: one frame per packet (text packets as text frames, binary MESSAGEs as binary
 * frames). Outbound packets go through a unicast sink whose not-yet-written count is the backlog.
 */
public final class WebSocketTransport implements EngineTransport {

	private final Sinks.Many<EnginePacket> outbound = Sinks.many()
		.unicast()
		.onBackpressureBuffer(Queues.<EnginePacket>unbounded(8).get());

	private final AtomicInteger backlog = new AtomicInteger();

	private EngineSession session;

	@Override
	public TransportKind kind() {
		return TransportKind.WEBSOCKET;
	}

	/** Runs the connection for {@code session} until either side closes it. */
	public Mono<Void> run(WebSocketSession socket, EngineSession session) {
		this.session = session;
		Mono<Void> inbound = socket.receive().doOnNext(this::onFrame).then();
		Mono<Void> writes = socket.send(outbound.asFlux().map(packet -> toFrame(socket, packet)));
		return Mono.firstWithSignal(inbound, writes)
			.doFinally(signal -> session.onTransportEnded(this, "transport close"));
	}

	@Override
	public int backlog() {
		return backlog.get();
	}

	@Override
	public void flush(Deque<EnginePacket> buffer) {
		EnginePacket packet;
		while ((packet = buffer.poll()) != null) {
			sendDirect(packet);
		}
	}

	@Override
	public void sendDirect(EnginePacket packet) {
		if (outbound.tryEmitNext(packet).isSuccess()) {
			backlog.incrementAndGet();
		}
	}

	@Override
	public void close(boolean byServer) {
		outbound.tryEmitComplete();
	}

	private void onFrame(WebSocketMessage message) {
		EnginePacket packet;
		try {
			packet = message.getType() == WebSocketMessage.Type.TEXT ? EngineCodec.decode(strictUtf8(message))
					: message.getType() == WebSocketMessage.Type.BINARY ? EngineCodec.decodeBinary(bytes(message))
							: null;
		}
		catch (EngineProtocolException ex) {
			session.onTransportEnded(this, "parse error");
			return;
		}
		if (packet != null) {
			session.onPacket(this, packet);
		}
	}

	private WebSocketMessage toFrame(WebSocketSession socket, EnginePacket packet) {
		backlog.decrementAndGet();
		return packet.isBinary()
				? socket.binaryMessage(factory -> factory.wrap(packet.binary()))
				: socket.textMessage(EngineCodec.encode(packet));
	}

	/** RFC 6455 8.1: a text frame that is not UTF-8 fails the connection (no U+FFFD substitution). */
	private static String strictUtf8(WebSocketMessage message) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes(message)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new EngineProtocolException("text frame is not UTF-8");
		}
	}

	private static byte[] bytes(WebSocketMessage message) {
		DataBuffer payload = message.getPayload();
		byte[] bytes = new byte[payload.readableByteCount()];
		payload.read(bytes);
		return bytes;
	}

}

package org.chat.gateway.engineio.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Deque;

import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.EngineTransport;
import org.chat.gateway.engineio.Outgoing;
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
 * frames). Outbound packets wait in a unicast sink until Reactor Netty's send loop asks for them: it asks for
 * {@code reactor.netty.send.maxPrefetchSize} (2 in the gateway) frames beyond those whose write has not
 * completed, and writes every frame it gets into Netty's outbound buffer. A packet is taken, and leaves the
 * session's outbound bounds, only when the send loop asks for it, so one superseded meanwhile is skipped.
 */
public final class WebSocketTransport implements EngineTransport {

	private final Sinks.Many<Outgoing> outbound = Sinks.many()
		.unicast()
		.onBackpressureBuffer(Queues.<Outgoing>unbounded(8).get());

	private EngineSession session;

	@Override
	public TransportKind kind() {
		return TransportKind.WEBSOCKET;
	}

	/** Runs the connection for {@code session} until either side closes it. */
	public Mono<Void> run(WebSocketSession socket, EngineSession session) {
		this.session = session;
		Mono<Void> inbound = socket.receive().doOnNext(this::onFrame).then();
		Mono<Void> writes = socket.send(outbound.asFlux().mapNotNull(packet -> toFrame(socket, packet)));
		return Mono.firstWithSignal(inbound, writes)
			.doFinally(signal -> session.onTransportEnded(this, "transport close"));
	}

	@Override
	public void flush(Deque<Outgoing> buffer) {
		Outgoing packet;
		while ((packet = buffer.poll()) != null) {
			sendDirect(packet);
		}
	}

	@Override
	public void sendDirect(Outgoing packet) {
		if (outbound.tryEmitNext(packet).isFailure()) {
			packet.take(); // the connection is gone: nothing will write it
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

	/**
	 * The frame of a packet the send loop asks for, or null for a superseded one. A pre-encoded packet's direct
	 * buffer is wrapped, not copied: the session's (Netty) factory wraps a view of it that Netty writes as it is
	 * (Spring's {@code DefaultDataBufferFactory} would be copied per socket by WebFlux's frame conversion).
	 */
	private static WebSocketMessage toFrame(WebSocketSession socket, Outgoing outgoing) {
		EnginePacket packet = outgoing.take();
		if (packet == null) {
			return null;
		}
		if (packet.isBinary()) {
			return socket.binaryMessage(factory -> factory.wrap(packet.binary()));
		}
		if (packet.frame() != null) {
			return new WebSocketMessage(WebSocketMessage.Type.TEXT, socket.bufferFactory().wrap(packet.frameView()));
		}
		return socket.textMessage(EngineCodec.encode(packet));
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

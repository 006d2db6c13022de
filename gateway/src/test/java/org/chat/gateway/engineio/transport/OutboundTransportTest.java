package org.chat.gateway.engineio.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.engineio.EngineServer;
import org.chat.gateway.engineio.EngineSession;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.HeartbeatTimer;
import org.chat.gateway.engineio.SendOutcome;
import org.chat.gateway.engineio.codec.EngineCodec;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.subscriber.TestSubscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The outbound side of both transports without a server: a WebSocket whose send loop asks for frames one
 * demand at a time (as Reactor Netty's does), and a poll.
 */
class OutboundTransportTest {

	private static final DataBufferFactory NETTY = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final HeartbeatTimer timer = new HeartbeatTimer(Duration.ofMillis(10));

	private final EngineServer server = new EngineServer(new EngineSettings(Duration.ofMinutes(1),
			Duration.ofMinutes(1), 1000, 64, Set.of(TransportKind.WEBSOCKET, TransportKind.POLLING), 0, 1 << 20),
			timer, session -> {
			});

	/** What the transport hands to {@code WebSocketSession.send}. */
	private final AtomicReference<Publisher<WebSocketMessage>> sent = new AtomicReference<>();

	@AfterEach
	void stopTimer() {
		timer.close();
	}

	@Test
	void aPreEncodedPacketIsWrittenAsTheSharedBytesWithoutACopy() {
		WebSocketTransport transport = new WebSocketTransport();
		EngineSession session = server.open(transport, null);
		TestSubscriber<WebSocketMessage> frames = run(transport, session);
		frames.request(1);
		assertThat(text(frames.getReceivedOnNext().get(0))).startsWith("0{\"sid\"");

		String list = "2[\"user_list\",[\"" + "é".repeat(EnginePacket.DIRECT_FRAME_BYTES) + "\"]]";
		EnginePacket shared = EnginePacket.preEncoded(list);
		assertThat(session.send(List.of(shared), Delivery.latest("user_list"))).isEqualTo(SendOutcome.QUEUED);
		frames.request(1);
		WebSocketMessage frame = frames.getReceivedOnNext().get(1);
		assertThat(frame.getType()).isEqualTo(WebSocketMessage.Type.TEXT);
		// a direct buffer on the shared memory: Netty writes it as it is, no copy per socket
		io.netty.buffer.ByteBuf written = ((NettyDataBuffer) frame.getPayload()).getNativeBuffer();
		assertThat(written.isDirect()).isTrue();
		assertThat(written.memoryAddress())
			.isEqualTo(io.netty.util.internal.PlatformDependent.directBufferAddress(shared.frame()));
		assertThat(text(frame)).isEqualTo("4" + list);
	}

	@Test
	void aPacketSupersededBeforeTheSendLoopAskedForItIsNeverWritten() {
		WebSocketTransport transport = new WebSocketTransport();
		EngineSession session = server.open(transport, null);
		TestSubscriber<WebSocketMessage> frames = run(transport, session);
		frames.request(1); // the OPEN packet; the socket is slow from here on
		Delivery users = Delivery.latest("user_list");
		session.send(List.of(EnginePacket.preEncoded("users v1")), users);
		session.send(List.of(EnginePacket.message("message")), Delivery.RELIABLE);
		assertThat(session.send(List.of(EnginePacket.preEncoded("users v2")), users))
			.isEqualTo(SendOutcome.REPLACED);
		assertThat(session.queuedPackets()).isEqualTo(2);
		assertThat(session.queuedBytes()).isEqualTo(9 + 8);

		frames.request(10);
		List<WebSocketMessage> written = frames.getReceivedOnNext();
		assertThat(written.subList(1, written.size())).extracting(OutboundTransportTest::text)
			.containsExactly("4message", "4users v2");
		assertThat(session.queuedPackets()).isZero();
		assertThat(session.queuedBytes()).isZero();
	}

	@Test
	void aPollConcatenatesPreEncodedPacketsAndSkipsSupersededOnes() {
		PollingTransport transport = new PollingTransport(1000);
		EngineSession session = server.open(transport, null);
		transport.bind(session);
		assertThat(transport.poll().block(Duration.ofSeconds(1))).startsWith("0{\"sid\"");

		Delivery users = Delivery.latest("user_list");
		session.send(List.of(EnginePacket.preEncoded("users v1")), users);
		session.send(List.of(EnginePacket.message("message")), Delivery.RELIABLE);
		session.send(List.of(EnginePacket.preEncoded("users v2")), users);
		assertThat(transport.poll().block(Duration.ofSeconds(1)))
			.isEqualTo("4message" + EngineCodec.RECORD_SEPARATOR + "4users v2");
		assertThat(session.queuedPackets()).isZero();
		assertThat(session.queuedBytes()).isZero();
	}

	private TestSubscriber<WebSocketMessage> run(WebSocketTransport transport, EngineSession session) {
		WebSocketSession socket = mock(WebSocketSession.class);
		when(socket.bufferFactory()).thenReturn(NETTY);
		when(socket.receive()).thenReturn(Flux.never());
		when(socket.textMessage(anyString())).thenAnswer(call -> new WebSocketMessage(WebSocketMessage.Type.TEXT,
				NETTY.wrap(call.<String>getArgument(0).getBytes(StandardCharsets.UTF_8))));
		when(socket.send(any())).thenAnswer(call -> {
			sent.set(call.getArgument(0));
			return Mono.never();
		});
		transport.run(socket, session).subscribe();
		TestSubscriber<WebSocketMessage> frames = TestSubscriber.builder().initialRequest(0).build();
		sent.get().subscribe(frames);
		return frames;
	}

	private static String text(WebSocketMessage message) {
		return message.getPayload().toString(StandardCharsets.UTF_8);
	}

}

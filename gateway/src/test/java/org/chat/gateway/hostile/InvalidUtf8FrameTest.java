package org.chat.gateway.hostile;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.chat.gateway.web.SocketIoTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6455 8.1: a text frame whose bytes are not UTF-8 fails the connection. Decoding it leniently would turn
 * the bad bytes into U+FFFD and pass altered text on as the client's message.
 */
class InvalidUtf8FrameTest {

	private final ProbeNamespace probe = new ProbeNamespace();

	private final SocketIoTestServer server = SocketIoTestServer.start(
			SocketIoTestServer.settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 100_000, 64), Duration.ofSeconds(5),
			io -> io.namespace("/", probe));

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void malformedBytesAndEncodedSurrogatesCloseTheConnectionWithoutAnAnswer() throws Exception {
		byte[][] payloads = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE2, (byte) 0x82 } };
		for (byte[] bad : payloads) {
			try (TcpWebSocket socket = new TcpWebSocket(server.port(), 0)) {
				assertThat(socket.readFrame()).startsWith("0{");
				socket.sendText("40");
				assertThat(socket.readFrame()).startsWith("40{\"sid\"");
				socket.sendText(frame(bad));
				assertThat(socket.readFrame()).as("nothing echoed, the connection is closed").isNull();
			}
			assertThat(probe.disconnects.poll(5, TimeUnit.SECONDS)).isEqualTo("parse error");
		}
		assertThat(server.engine().sessionCount()).isZero();
	}

	private static byte[] frame(byte[] bad) {
		byte[] head = "42[\"echo\",\"".getBytes();
		byte[] tail = "\"]".getBytes();
		byte[] frame = new byte[head.length + bad.length + tail.length];
		System.arraycopy(head, 0, frame, 0, head.length);
		System.arraycopy(bad, 0, frame, head.length, bad.length);
		System.arraycopy(tail, 0, frame, head.length + bad.length, tail.length);
		return frame;
	}

}

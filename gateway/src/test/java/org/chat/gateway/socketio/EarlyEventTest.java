package org.chat.gateway.socketio;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chat.gateway.web.RawWebSocket;
import org.chat.gateway.web.SocketIoTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client may emit as soon as it reads the CONNECT answer. When authorize completes off the I/O thread
 * (as the chat's epoch INCR does), the application's onConnect runs concurrently with those first events:
 * they must wait for its listeners, in order, not be dropped.
 */
class EarlyEventTest {

	private final CountDownLatch listenersMayRegister = new CountDownLatch(1);

	private final SocketIoTestServer server = SocketIoTestServer.start(io -> io.namespace("/", new SlowConnect()));

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void eventsSentRightAfterConnectWaitForTheListeners() throws Exception {
		try (RawWebSocket socket = RawWebSocket.connect(this.server.engineUri("ws", "websocket", null))) {
			assertThat(socket.nextText()).startsWith("0{");
			socket.send("40");
			assertThat(socket.nextText()).startsWith("40{\"sid\":");
			socket.send("421[\"ack-me\",\"first\"]");
			socket.send("422[\"ack-me\",\"second\"]");
			this.listenersMayRegister.countDown();
			assertThat(socket.nextText()).isEqualTo("431[\"first\"]");
			assertThat(socket.nextText()).isEqualTo("432[\"second\"]");
			socket.send("423[\"ack-me\",\"third\"]");
			assertThat(socket.nextText()).isEqualTo("433[\"third\"]");
		}
	}

	/** Authorizes on another thread, then registers its listener only once the test has sent events. */
	private final class SlowConnect implements ConnectionHandler {

		@Override
		public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
			return Mono.<Object>just("anyone").delayElement(Duration.ofMillis(5));
		}

		@Override
		public void onConnect(SocketIoSocket socket, Object principal) {
			try {
				assertThat(listenersMayRegister.await(10, TimeUnit.SECONDS)).isTrue();
				// The events were sent before the latch opened; give them time to reach the server first,
				// so without the buffering they would certainly find no listener. Passing never depends on it.
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			socket.on("ack-me", (s, event, args, ack) -> ack.send(args.toArray()));
		}

	}

}

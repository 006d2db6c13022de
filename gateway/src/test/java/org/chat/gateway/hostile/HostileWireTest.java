package org.chat.gateway.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.chat.gateway.socketio.SocketIoSocket;
import org.chat.gateway.web.RawWebSocket;
import org.chat.gateway.web.SocketIoTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile clients against the real server (Reactor Netty, production protocol layers): whatever a client sends,
 * its connection either keeps working or is closed promptly, never hangs, and the server stays healthy for the
 * next client. Random cases are seeded ({@code -Dchat.test.seed=N} replays).
 */
class HostileWireTest {

	private static final String PROBE = "42[\"echo\",\"probe\"]";

	private static final String PROBE_BACK = "42[\"echo-back\",\"probe\"]";

	/** A connection answers the probe or closes within this; answering the 5 s heartbeat cannot hide a hang. */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

	private final ProbeNamespace probe = new ProbeNamespace();

	private final SocketIoTestServer server = SocketIoTestServer.start(
			SocketIoTestServer.settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 100_000, 64), Duration.ofSeconds(5),
			io -> io.namespace("/", probe));

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void everyNastyFrameLeavesTheConnectionWorkingOrClosedAndTheServerHealthy() throws Exception {
		for (String frame : NastyFrames.corpus()) {
			sendThenProbe(frame);
		}
		assertServerHealthy();
	}

	@TestFactory
	Stream<DynamicTest> randomFramesOnLiveConnectionsNeverHang() {
		long base = Long.getLong("chat.test.seed", System.nanoTime());
		return LongStream.range(base, base + 3).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
			Random random = new Random(seed);
			for (int i = 0; i < 15; i++) {
				sendThenProbe(NastyFrames.random(random));
			}
			assertServerHealthy();
		}));
	}

	@Test
	void aClientThatStopsReadingIsDisconnectedWithBoundedMemory() throws Exception {
		try (TcpWebSocket socket = connectedTcp(4_096)) {
			socket.sendText("42[\"flood\"]");
			ProbeNamespace.Flood flood = probe.flood.get(15, TimeUnit.SECONDS);
			// queue bound (64) + what the socket buffers of both kernels and Netty hold; never the whole flood
			assertThat(flood.stoppedBy()).isIn(SocketIoSocket.Outcome.OVERFLOW, SocketIoSocket.Outcome.CLOSED);
			assertThat(flood.queued()).as("events queued before the disconnect").isLessThan(2_000);
			assertThat(probe.disconnects.poll(5, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
			System.out.printf("slow reader: %d events of 8 KB queued before the disconnect%n", flood.queued());
		}
		assertServerHealthy();
	}

	@Test
	void aClientThatStopsReadingGetsTheLatestSnapshotAndNotTheOnesItMissed() throws Exception {
		try (TcpWebSocket socket = connectedTcp(4_096)) {
			socket.sendText("42[\"snapshots\"]");
			int emitted = probe.snapshots.get(15, TimeUnit.SECONDS);
			List<Integer> received = new ArrayList<>();
			String frame;
			while ((frame = socket.readFrame()) != null && !frame.equals("42[\"done\"]")) {
				if (frame.startsWith("42[\"snapshot\",")) {
					received.add(Integer.parseInt(frame.substring(14, frame.indexOf(',', 14))));
				}
			}
			assertThat(frame).as("the stream goes on after the skipped snapshots").isEqualTo("42[\"done\"]");
			assertThat(received).as("in order, ending with the last one").isSorted().endsWith(emitted);
			assertThat(received.size()).as("snapshots written").isLessThan(emitted);
			System.out.printf("slow reader: %d of %d snapshots written%n", received.size(), emitted);
		}
		assertServerHealthy();
	}

	/**
	 * Sends {@code frame} (lone surrogates as their invalid UTF-8 bytes) on a fresh connection, then a probe:
	 * either the probe is echoed or the server closes the connection, within {@link #ANSWER_WITHIN}; anything
	 * else (silence, or only heartbeats) is a hang.
	 */
	private void sendThenProbe(String frame) throws Exception {
		try (TcpWebSocket socket = connectedTcp(0)) {
			try {
				socket.sendText(frame);
				socket.sendText(PROBE);
			}
			catch (java.net.SocketException closedWhileSending) {
				return;
			}
			long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
			String received;
			try {
				while ((received = socket.readFrame()) != null && !PROBE_BACK.equals(received)) {
					if (System.nanoTime() > deadline) {
						throw new AssertionError("no answer and no close within " + ANSWER_WITHIN + " for "
								+ CodecFuzzTest.printable(frame) + "; last frame " + received);
					}
					if ("2".equals(received)) {
						socket.sendText("3");
					}
				}
			}
			catch (java.net.SocketTimeoutException hang) {
				throw new AssertionError("no answer and no close for " + CodecFuzzTest.printable(frame), hang);
			}
			catch (java.io.IOException reset) {
				// closed by the server
			}
		}
	}

	private RawWebSocket connected() throws InterruptedException {
		RawWebSocket socket = RawWebSocket.connect(server.engineUri("ws", "websocket", null));
		assertThat(socket.nextText()).startsWith("0{");
		socket.send("40");
		assertThat(socket.nextText()).startsWith("40{\"sid\"");
		return socket;
	}

	private TcpWebSocket connectedTcp(int receiveBuffer) throws Exception {
		TcpWebSocket socket = new TcpWebSocket(server.port(), receiveBuffer);
		assertThat(socket.readFrame()).startsWith("0{");
		socket.sendText("40");
		assertThat(socket.readFrame()).startsWith("40{\"sid\"");
		return socket;
	}

	/** Every hostile connection is gone (none leaked) and a new client still gets its echo. */
	private void assertServerHealthy() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (server.engine().sessionCount() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(server.engine().sessionCount()).as("sessions left").isZero();
		try (RawWebSocket socket = connected()) {
			socket.send(PROBE);
			assertThat(socket.nextText()).isEqualTo(PROBE_BACK);
		}
	}

}

package org.chat.gateway.engineio;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.engineio.codec.EnginePacketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EngineSessionTest {

	private final HeartbeatTimer timer = new HeartbeatTimer(Duration.ofMillis(1));

	private final CompletableFuture<String> closed = new CompletableFuture<>();

	private final List<EnginePacket> received = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopTimer() {
		timer.close();
	}

	private EngineServer server(long pingMillis, int queueSize) {
		return server(pingMillis, queueSize, Long.MAX_VALUE);
	}

	private EngineServer server(long pingMillis, int queueSize, long queueBytes) {
		EngineSettings settings = new EngineSettings(Duration.ofMillis(pingMillis), Duration.ofMillis(pingMillis),
				1000, queueSize, Set.of(TransportKind.WEBSOCKET, TransportKind.POLLING), 0, queueBytes);
		return new EngineServer(settings, timer, session -> session.listener(new EngineListener() {
			@Override
			public void onMessage(EngineSession s, EnginePacket message) {
				received.add(message);
			}

			@Override
			public void onClose(EngineSession s, String reason) {
				closed.complete(reason);
			}
		}));
	}

	@Test
	void theOpenPacketAnnouncesSidHeartbeatAndUpgrades() {
		RecordingTransport polling = new RecordingTransport(TransportKind.POLLING);
		EngineSession session = server(25_000, 8).open(polling, null);
		EnginePacket open = polling.written().get(0);
		assertThat(open.type()).isEqualTo(EnginePacketType.OPEN);
		JsonNode json = Json.read(open.text(), JsonNode.class);
		assertThat(json.get("sid").stringValue()).isEqualTo(session.id()).hasSize(20);
		assertThat(json.get("upgrades").get(0).stringValue()).isEqualTo("websocket");
		assertThat(json.get("pingInterval").intValue()).isEqualTo(25_000);
		assertThat(json.get("pingTimeout").intValue()).isEqualTo(25_000);
		assertThat(json.get("maxPayload").intValue()).isEqualTo(1000);

		RecordingTransport websocket = new RecordingTransport(TransportKind.WEBSOCKET);
		server(25_000, 8).open(websocket, null);
		assertThat(websocket.written().get(0).text()).contains("\"upgrades\":[]");
	}

	@Test
	void pingsEveryIntervalAndStaysOpenWhileTheClientPongs() throws Exception {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		EngineSession session = server(40, 8).open(transport, null);
		assertThat(transport.stream.poll(2, TimeUnit.SECONDS).type()).isEqualTo(EnginePacketType.OPEN);
		for (int ping = 1; ping <= 3; ping++) {
			assertThat(transport.stream.poll(2, TimeUnit.SECONDS)).isEqualTo(EnginePacket.PING);
			session.onPacket(transport, EnginePacket.PONG);
		}
		assertThat(session.isOpen()).isTrue();
		assertThat(closed).isNotDone();
	}

	@Test
	void closesWithPingTimeoutWhenNoPongArrives() throws Exception {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		long start = System.nanoTime();
		EngineServer server = server(40, 8);
		EngineSession session = server.open(transport, null);
		assertThat(closed.get(2, TimeUnit.SECONDS)).isEqualTo("ping timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
		assertThat(transport.closedByServer).isTrue();
		assertThat(server.find(session.id())).isNull();
		assertThat(session.send(List.of(EnginePacket.message("late")), Delivery.RELIABLE)).isEqualTo(SendOutcome.CLOSED);
	}

	@Test
	void shedsDroppablePacketsAboveHalfAndClosesWhenFull() throws Exception {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		transport.stalled = true;
		EngineSession session = server(25_000, 6).open(transport, null);
		// the OPEN packet is the first of six slots
		assertThat(session.send(List.of(EnginePacket.message("a")), Delivery.DROPPABLE)).isEqualTo(SendOutcome.QUEUED);
		assertThat(session.send(List.of(EnginePacket.message("b")), Delivery.RELIABLE)).isEqualTo(SendOutcome.QUEUED);
		assertThat(session.send(List.of(EnginePacket.message("typing")), Delivery.DROPPABLE)).isEqualTo(SendOutcome.SHED);
		assertThat(session.send(List.of(EnginePacket.message("c"), EnginePacket.message(new byte[] { 1 })), Delivery.RELIABLE))
			.isEqualTo(SendOutcome.QUEUED);
		assertThat(session.queuedPackets()).isEqualTo(5);
		assertThat(session.send(List.of(EnginePacket.message("d"), EnginePacket.message("e")), Delivery.RELIABLE))
			.isEqualTo(SendOutcome.OVERFLOW);
		assertThat(closed.get(1, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
		assertThat(session.send(List.of(EnginePacket.message("f")), Delivery.RELIABLE)).isEqualTo(SendOutcome.CLOSED);
	}

	@Test
	void theByteBoundShedsDroppablePacketsAboveHalfAndClosesWhenAPacketDoesNotFit() throws Exception {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		EngineSession session = server(25_000, 100, 1000).open(transport, null);
		transport.stalled = true;
		// each packet is 300 bytes on the wire: the type digit and 299 characters
		assertThat(session.send(List.of(message(299)), Delivery.DROPPABLE)).isEqualTo(SendOutcome.QUEUED);
		assertThat(session.send(List.of(message(299)), Delivery.RELIABLE)).isEqualTo(SendOutcome.QUEUED);
		assertThat(session.queuedBytes()).isEqualTo(600);
		assertThat(session.send(List.of(EnginePacket.message("typing")), Delivery.DROPPABLE))
			.isEqualTo(SendOutcome.SHED);
		assertThat(session.send(List.of(message(299)), Delivery.RELIABLE)).isEqualTo(SendOutcome.QUEUED);
		assertThat(session.queuedPackets()).as("far from the packet bound").isEqualTo(3);
		assertThat(session.send(List.of(message(199)), Delivery.RELIABLE)).isEqualTo(SendOutcome.OVERFLOW);
		assertThat(closed.get(1, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
	}

	@Test
	void bytesCountUntilTheTransportTakesThePacketAndMultiByteCharactersCountAsTheirUtf8() {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		EngineSession session = server(25_000, 100, 1000).open(transport, null);
		transport.stalled = true;
		session.send(List.of(EnginePacket.message("é€😀")), Delivery.RELIABLE);
		session.send(List.of(EnginePacket.preEncoded("é€😀")), Delivery.RELIABLE);
		assertThat(session.queuedBytes()).isEqualTo(2 * (1 + 2 + 3 + 4));
		transport.drain();
		assertThat(session.queuedBytes()).isZero();
		assertThat(session.queuedPackets()).isZero();
		assertThat(transport.written()).endsWith(EnginePacket.message("é€😀"), EnginePacket.message("é€😀"));
	}

	@Test
	void aLatestPacketSupersedesOnlyTheWaitingPacketOfItsKey() {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		EngineSession session = server(25_000, 100).open(transport, null);
		transport.stalled = true;
		Delivery users = Delivery.latest("user_list");
		assertThat(session.send(List.of(EnginePacket.preEncoded("users v1")), users)).isEqualTo(SendOutcome.QUEUED);
		session.send(List.of(EnginePacket.message("message 1")), Delivery.RELIABLE);
		session.send(List.of(EnginePacket.preEncoded("rooms v1")), Delivery.latest("rooms"));
		assertThat(session.send(List.of(EnginePacket.preEncoded("users v2")), users)).isEqualTo(SendOutcome.REPLACED);
		session.send(List.of(EnginePacket.message("message 2")), Delivery.RELIABLE);
		assertThat(session.queuedPackets()).isEqualTo(4);
		assertThat(session.queuedBytes()).as("users v2, message 1, rooms v1, message 2").isEqualTo(9 + 10 + 9 + 10);

		transport.drain();
		assertThat(transport.written()).extracting(EnginePacket::text)
			.endsWith("message 1", "rooms v1", "users v2", "message 2");
		assertThat(transport.written()).extracting(EnginePacket::text).doesNotContain("users v1");
		assertThat(session.queuedPackets()).isZero();
		assertThat(session.queuedBytes()).isZero();
	}

	@Test
	void aWrittenLatestPacketIsNotSuperseded() {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		EngineSession session = server(25_000, 100).open(transport, null);
		Delivery users = Delivery.latest("user_list");
		assertThat(session.send(List.of(EnginePacket.preEncoded("users v1")), users)).isEqualTo(SendOutcome.QUEUED);
		assertThat(session.send(List.of(EnginePacket.preEncoded("users v2")), users)).isEqualTo(SendOutcome.QUEUED);
		assertThat(transport.written()).extracting(EnginePacket::text).endsWith("users v1", "users v2");
	}

	private static EnginePacket message(int length) {
		return EnginePacket.message("x".repeat(length));
	}

	@Test
	void aDroppablePacketThatWouldNotFitAtAllIsAlsoOnlyShed() {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		transport.stalled = true;
		EngineSession session = server(25_000, 2).open(transport, null);
		assertThat(session.send(List.of(EnginePacket.message("typing")), Delivery.DROPPABLE)).isEqualTo(SendOutcome.SHED);
		assertThat(session.isOpen()).isTrue();
	}

	@Test
	void deliversMessagesAndEndsOnTheClientsClosePacket() throws Exception {
		RecordingTransport transport = new RecordingTransport(TransportKind.POLLING);
		EngineSession session = server(25_000, 8).open(transport, null);
		session.onPacket(transport, EnginePacket.message("hello"));
		session.onPacket(transport, EnginePacket.NOOP);
		session.onPacket(transport, EnginePacket.CLOSE);
		assertThat(received).containsExactly(EnginePacket.message("hello"));
		assertThat(closed.get(1, TimeUnit.SECONDS)).isEqualTo("transport close");
		assertThat(transport.closedByServer).as("a pending poll reads NOOP, not CLOSE").isFalse();
	}

	@Test
	void aPingFromTheClientIsAProtocolViolation() throws Exception {
		RecordingTransport transport = new RecordingTransport(TransportKind.WEBSOCKET);
		EngineSession session = server(25_000, 8).open(transport, null);
		session.onPacket(transport, EnginePacket.PING);
		assertThat(closed.get(1, TimeUnit.SECONDS)).isEqualTo("invalid heartbeat direction");
	}

	@Test
	void upgradesAfterProbeAndUpgradeAndFlushesWhatWasQueuedMeanwhile() {
		RecordingTransport polling = new RecordingTransport(TransportKind.POLLING);
		EngineSession session = server(25_000, 8).open(polling, null);
		polling.stalled = true;
		RecordingTransport websocket = new RecordingTransport(TransportKind.WEBSOCKET);
		assertThat(session.beginProbe(websocket)).isTrue();
		assertThat(session.beginProbe(new RecordingTransport(TransportKind.WEBSOCKET))).isFalse();

		session.onPacket(websocket, EnginePacket.of(EnginePacketType.PING, "probe"));
		assertThat(websocket.written()).containsExactly(EnginePacket.of(EnginePacketType.PONG, "probe"));
		assertThat(polling.paused).isTrue();

		polling.stalled = false;
		polling.held.clear();
		session.send(List.of(EnginePacket.message("queued during upgrade")), Delivery.RELIABLE);
		session.onPacket(websocket, EnginePacket.UPGRADE);

		assertThat(session.transportKind()).isEqualTo(TransportKind.WEBSOCKET);
		assertThat(polling.closedByServer).isFalse();
		session.send(List.of(EnginePacket.message("after")), Delivery.RELIABLE);
		assertThat(websocket.written()).endsWith(EnginePacket.message("after"));
		session.onPacket(polling, EnginePacket.message("stale transport"));
		assertThat(received).isEmpty();
	}

	@Test
	void aProbeWithoutPingIsDroppedAndTheSessionStaysOnPolling() {
		RecordingTransport polling = new RecordingTransport(TransportKind.POLLING);
		EngineSession session = server(25_000, 8).open(polling, null);
		RecordingTransport websocket = new RecordingTransport(TransportKind.WEBSOCKET);
		session.beginProbe(websocket);
		session.onPacket(websocket, EnginePacket.UPGRADE);
		assertThat(websocket.closedByServer).isTrue();
		assertThat(session.transportKind()).isEqualTo(TransportKind.POLLING);
		assertThat(session.isUpgrading()).isFalse();
		assertThat(session.isOpen()).isTrue();
	}

	@Test
	void closeAllEndsEverySession() throws Exception {
		EngineServer server = server(25_000, 8);
		server.open(new RecordingTransport(TransportKind.WEBSOCKET), null);
		assertThat(server.sessionCount()).isEqualTo(1);
		server.closeAll("server shutting down");
		assertThat(closed.get(1, TimeUnit.SECONDS)).isEqualTo("server shutting down");
		assertThat(server.sessionCount()).isZero();
	}

}

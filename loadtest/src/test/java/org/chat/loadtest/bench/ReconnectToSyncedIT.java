package org.chat.loadtest.bench;

import org.chat.loadtest.tokens.TokenSettings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconnect part of the chat bench against two in-process gateways that share one inbox store, deliver only
 * every other message live and refuse every fifth sync: clients hop between the two, every hop ends in a complete
 * sync, and after one more sync each has everything its partner got acknowledged.
 */
class ReconnectToSyncedIT {

	private static final List<String> USERS = List.of("bench-it-reconnect-0", "bench-it-reconnect-1");

	@Test
	void clientsHopBetweenGatewaysAndEveryAckedMessageArrives() throws Exception {
		Map<String, Object> report = hop(new FakeSyncGateway.Store(), (a, b) -> {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!(registeredOnBoth(a, b, 4)) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}, (a, b) -> {
			assertThat(registeredOnBoth(a, b, 4)).as("every client came back to each gateway 4 times").isTrue();
			for (String user : USERS) {
				int onA = a.registrations.get(user).get();
				int onB = b.registrations.get(user).get();
				assertThat(Math.abs(onA - onB)).as("%s alternates between the gateways", user).isLessThanOrEqualTo(1);
			}
		});
		long reconnectsDone = (Long) report.get("reconnects");
		Map<?, ?> latency = (Map<?, ?>) report.get("latencyMs");
		assertThat(reconnectsDone).isGreaterThanOrEqualTo(2 * 7);
		assertThat(latency.get("count")).as("one sample per reconnect").isEqualTo(reconnectsDone);
		Map<?, ?> connect = (Map<?, ?>) report.get("dropToConnectedMs");
		Map<?, ?> sync = (Map<?, ?>) report.get("connectedToSyncedMs");
		assertThat(connect.get("count")).as("one connect sample per reconnect").isEqualTo(reconnectsDone);
		assertThat(sync.get("count")).as("one sync sample per reconnect").isEqualTo(reconnectsDone);
		assertThat((Double) sync.get("max")).as("the sync part is part of the whole")
			.isLessThanOrEqualTo((Double) latency.get("max"));
		assertThat(ReconnectToSynced.summary(report)).contains("drop to connected p50", "connected to synced p50");
		assertThat(report.get("incomplete")).isEqualTo(0L);
		assertThat(report.get("refusedPages")).as("refused pages were asked again").isNotEqualTo(0L);
		assertThat(report.get("refusedPagesByCode")).as("every refusal counted under the fake's code")
			.isEqualTo(Map.of("unavailable", report.get("refusedPages")));
		assertThat((Long) report.get("acked")).isGreaterThan(40);
		assertThat(report.get("lost")).isEqualTo(0L);
		assertThat(report.get("finalSyncFailed")).isEqualTo(0L);
	}

	/** Sends stored 3 s after their ack, as by a message-service behind a backlog: the final syncs ask again. */
	@Test
	void theFinalSyncsRepeatUntilEveryAckedSendIsStored() throws Exception {
		FakeSyncGateway.Store store = new FakeSyncGateway.Store();
		store.storeDelayMillis = 3000;
		Map<String, Object> report = hop(store, (a, b) -> Thread.sleep(2000), (a, b) -> {
		});
		assertThat((Long) report.get("acked")).isGreaterThan(40);
		assertThat(report.get("lost")).isEqualTo(0L);
		assertThat((Integer) report.get("finalSyncRounds")).as("the first round came before the last sends were stored")
			.isGreaterThan(1);
	}

	interface Gateways {

		void accept(FakeSyncGateway a, FakeSyncGateway b) throws Exception;

	}

	/**
	 * Two clients hop between two fake gateways sharing {@code store} while {@code during} runs, then stop and
	 * {@link ReconnectToSynced#finish}; {@code after} checks the gateways before they close.
	 */
	private static Map<String, Object> hop(FakeSyncGateway.Store store, Gateways during, Gateways after)
			throws Exception {
		try (FakeSyncGateway a = new FakeSyncGateway(store);
				FakeSyncGateway b = new FakeSyncGateway(store);
				Clients clients = new Clients(TokenSettings.fromSystem());
				ReconnectToSynced reconnects = new ReconnectToSynced(new ReconnectSettings(2, 50, 40))) {
			reconnects.connect(clients, List.of(a.uri(), b.uri()), "it");
			reconnects.startAfter(0);
			during.accept(a, b);
			reconnects.stop();
			Map<String, Object> report = reconnects.finish();
			System.out.println(JsonOut.write(report) + "registrations a " + a.registrations + ", b " + b.registrations);
			after.accept(a, b);
			return report;
		}
	}

	private static boolean registeredOnBoth(FakeSyncGateway a, FakeSyncGateway b, int times) {
		return USERS.stream().allMatch(user -> Stream.of(a, b)
			.allMatch(gateway -> gateway.registrations.getOrDefault(user, new AtomicInteger()).get() >= times));
	}

}

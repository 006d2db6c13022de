package org.chat.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconnect storm against three in-process gateways sharing one inbox store (live delivery of only every other
 * message, every fifth sync refused): the first is closed under its clients as a killed process would be, and every
 * client comes back to the two others, syncs, and has every acknowledged message.
 */
class ReconnectStormIT {

	@Test
	void everyClientOfTheKilledGatewaySyncsOnASurvivorAndNothingIsLost() throws Exception {
		FakeSyncGateway.Store store = new FakeSyncGateway.Store();
		Map<?, ?> messages = storm(store, report -> {
			assertThat(report.get("connectedBeforeKill")).isEqualTo(40);
			assertThat(report.get("synced")).as("every client synced after the kill").isEqualTo(40);
			assertThat(report.get("incomplete")).isEqualTo(0);
			assertThat(((Map<?, ?>) report.get("syncedMs")).get("count")).isEqualTo(40L);
			assertThat(report.get("refusedPages")).as("refused sync pages were asked again").isNotEqualTo(0L);
			assertThat(report.get("refusedPagesByCode")).as("every refusal counted under the fake's code")
				.isEqualTo(Map.of("unavailable", report.get("refusedPages")));
		});
		assertThat((Long) messages.get("acked")).isGreaterThan(100L);
		assertThat(messages.get("lost")).isEqualTo(0L);
		assertThat(messages.get("unanswered")).isEqualTo(0L);
	}

	@Test
	void sendsStoredAfterTheDrainAreSyncedAgainNotCountedLost() throws Exception {
		FakeSyncGateway.Store store = new FakeSyncGateway.Store();
		store.storeDelayMillis = 3_000; // longer than the drain: the first final syncs cannot see the last sends

		Map<?, ?> messages = storm(store, report -> {
		});

		assertThat((Long) messages.get("acked")).isGreaterThan(100L);
		assertThat((Integer) messages.get("finalSyncRounds")).as("synced again until the late sends were stored")
			.isGreaterThan(1);
		assertThat(messages.get("lost")).isEqualTo(0L);
		assertThat(messages.get("foundOnlyFromStart")).isEqualTo(0L);
	}

	private Map<?, ?> storm(FakeSyncGateway.Store store, Consumer<Map<String, Object>> checks)
			throws Exception {
		Path runDir = Files.createTempDirectory("storm-it");
		try (FakeSyncGateway victim = new FakeSyncGateway(store);
				FakeSyncGateway b = new FakeSyncGateway(store);
				FakeSyncGateway c = new FakeSyncGateway(store)) {
			Properties p = new Properties();
			p.setProperty("gateways", victim.uri() + "," + b.uri() + "," + c.uri());
			p.setProperty("connectHosts", "127.0.0.1");
			p.setProperty("drain", "1");
			p.setProperty("runDir", runDir.toString());
			ReconnectStorm.Victim kill = new ReconnectStorm.Victim() {
				@Override
				public void kill() {
					victim.close();
				}

				@Override
				public Map<String, Object> report() {
					return Map.of();
				}
			};
			Map<String, Object> report = new ReconnectStorm(BenchSettings.from(p), new StormSettings(40, 2, 100, 50, 60),
					new ProcessStats(runDir), kill).run();
			System.out.println(JsonOut.write(report));

			assertThat(victim.registrations).as("nobody came back to the killed gateway").isEmpty();
			assertThat(b.registrations.size() + c.registrations.size()).isEqualTo(40);
			assertThat(b.registrations).as("the survivors share the storm").isNotEmpty();
			assertThat(c.registrations).isNotEmpty();
			checks.accept(report);
			return (Map<?, ?>) report.get("messages");
		}
	}

}

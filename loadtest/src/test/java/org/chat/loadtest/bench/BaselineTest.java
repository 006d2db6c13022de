package org.chat.loadtest.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SuppressWarnings("unchecked")
class BaselineTest {

	@Test
	void baselinePropertiesReplaceTheirKeysAndKeepTheRest() {
		Properties p = new Properties();
		p.setProperty("gateways", "http://localhost:8080,http://localhost:8081");
		p.setProperty("rate", "100");
		p.setProperty("runDir", ".chat/run");
		p.setProperty("baseline.gateways", "http://localhost:9080,http://localhost:9081");
		p.setProperty("baseline.runDir", "/tmp/other");
		p.setProperty("baseline.gatewayProcess", "ref-{port}");

		BenchSettings ours = BenchSettings.from(p);
		BenchSettings theirs = BenchSettings.from(BenchSettings.baseline(p).orElseThrow());

		assertThat(theirs.gateways()).containsExactly(URI.create("http://localhost:9080"),
				URI.create("http://localhost:9081"));
		assertThat(theirs.runDir()).isEqualTo(Path.of("/tmp/other"));
		assertThat(theirs.rate()).isEqualTo(100);
		assertThat(theirs.gatewayProcess(theirs.gateways().get(0))).isEqualTo("ref-9080");
		assertThat(ours.gatewayProcess(ours.gateways().get(1))).isEqualTo("gateway-8081");
		assertThat(ours.runDir()).isEqualTo(Path.of(".chat/run"));
	}

	@Test
	void noBaselineWithoutItsGateways() {
		Properties p = new Properties();
		p.setProperty("baseline.runDir", "/tmp/other");

		assertThat(BenchSettings.baseline(p)).isEmpty();
	}

	@Test
	void aProcessTemplateWithoutThePortIsRefused() {
		Properties p = new Properties();
		p.setProperty("gatewayProcess", "ref");

		assertThatIllegalArgumentException().isThrownBy(() -> BenchSettings.from(p)).withMessageContaining("{port}");
	}

	@Test
	void theTablePutsEachFigureBesideTheBaselinesWithTheirRatio() {
		Map<String, Object> ours = Map.of("results", Map.of("deliveredRate", 2000.0, "oneWayLatencyMs",
				Map.of("p50", 5.9, "p99", 23.6)), "cpuPercentOfOneCore",
				Map.of("gateway-8080", 20.0, "message-service-1", 30.5, CpuWindow.SELF, 40.0));
		Map<String, Object> theirs = Map.of("results", Map.of("deliveredRate", 400.0, "oneWayLatencyMs",
				Map.of("p50", 1.8, "p99", 47.2)), "cpuPercentOfOneCore", Map.of("ref-9080", 17.0));

		String table = Baseline.table(List.of(new Baseline.Row("delivered, msgs/s", "results.deliveredRate"),
				new Baseline.Row("one-way p99, ms", "results.oneWayLatencyMs.p99"),
				new Baseline.Row("stack CPU", "sum:cpuPercentOfOneCore"),
				new Baseline.Row("reconnect p99", "reconnectToSynced.latencyMs.p99")), "ours", ours, "node", theirs);

		assertThat(table.lines()).containsExactly(
				"                             ours            node  ratio",
				"delivered, msgs/s           2,000             400  5.00",
				"one-way p99, ms              23.6            47.2  0.50",
				"stack CPU                    50.5              17  2.97",
				"reconnect p99                   –               –  ");
	}

	@Test
	void aPercentileOfAnEmptyHistogramIsNoFigure() {
		Map<String, Object> nothingDelivered = Map.of("results",
				Map.of("deliveredRate", 0.0, "oneWayLatencyMs", Map.of("count", 0L, "p50", 0.0)));

		assertThat(Baseline.value(nothingDelivered, "results.oneWayLatencyMs.p50")).isNull();
		assertThat(Baseline.value(nothingDelivered, "results.deliveredRate")).isZero();
	}

	@Test
	void aWorkloadsOwnSettingsJoinTheBenchSettingsInsteadOfReplacingThem() {
		Properties p = new Properties();
		p.setProperty("gateways", "http://localhost:8080,http://localhost:8081,http://localhost:8082");
		Map<String, Object> storm = new java.util.LinkedHashMap<>(Map.of("synced", 15000, "settings",
				Map.of("clients", 15000, "timeoutSeconds", 180)));

		Map<String, Object> settings = (Map<String, Object>) Bench.withSettings(BenchSettings.from(p), storm)
			.get("settings");

		assertThat(settings).containsEntry("clients", 15000)
			.containsEntry("timeoutSeconds", 180)
			.containsEntry("gateways",
					List.of("http://localhost:8080", "http://localhost:8081", "http://localhost:8082"));
	}

	@Test
	void everyBenchHasRowsAndTheChatRowsFollowItsFirstSecondsWindows() {
		Properties p = new Properties();
		p.setProperty("firstSeconds", "10,30");
		BenchSettings settings = BenchSettings.from(p);

		assertThat(Baseline.rows("chat", settings)).extracting(Baseline.Row::path)
			.contains("firstSeconds.10.oneWayLatencyMs.p99", "firstSeconds.30.oneWayLatencyMs.p99");
		assertThat(Baseline.rows("connections", settings)).isNotEmpty();
		assertThat(Baseline.rows("storm", settings)).isNotEmpty();
	}

}

package org.chat.loadtest.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole connection bench against the in-process endpoint (no stack: no gateway pid, so no RSS). */
class ConnectionBenchIT {

	@Test
	void reportsAcceptRateHandshakesAndClientCpu(@TempDir Path runDir) throws Exception {
		try (FakeSocketIoEndpoint endpoint = new FakeSocketIoEndpoint(200)) {
			Properties p = new Properties();
			p.setProperty("gateways", "http://localhost:" + endpoint.address().getPort());
			p.setProperty("connections", "300");
			p.setProperty("connectParallel", "50");
			p.setProperty("drain", "1");
			p.setProperty("connectHosts", "127.0.0.1,127.0.0.3");
			p.setProperty("runDir", runDir.toString());

			Map<String, Object> result = new ConnectionBench(BenchSettings.from(p), new ProcessStats(runDir)).run();

			assertThat(result).containsEntry("connected", 300)
				.containsEntry("failed", 0)
				.containsEntry("openAfterIdle", 300)
				.containsEntry("droppedWhileIdle", 0)
				.containsKeys("acceptRatePerSecond", "clientCpuPercent", "rssGrowthPerConnectionKib");
			assertThat(((Map<?, ?>) result.get("handshakeMs")).get("count")).isEqualTo(300L);
			assertThat((Double) result.get("clientCpuPercent")).isPositive();
			assertThat(endpoint.timedOut).hasValue(0);
		}
	}

}

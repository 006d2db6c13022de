package org.chat.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A bench with {@code -Dbaseline.gateways}: the same workload against two in-process endpoints, one document. */
class BaselineRunIT {

	@Test
	void theBaselineRunsTheSameWorkloadAgainstItsOwnGatewayAndLandsInTheSameDocument(@TempDir Path dir)
			throws Exception {
		try (FakeSocketIoEndpoint ours = new FakeSocketIoEndpoint(200);
				FakeSocketIoEndpoint theirs = new FakeSocketIoEndpoint(200)) {
			Properties p = new Properties();
			p.setProperty("gateways", "http://localhost:" + ours.address().getPort());
			p.setProperty("connections", "120");
			p.setProperty("connectParallel", "40");
			p.setProperty("drain", "1");
			p.setProperty("connectHosts", "127.0.0.1");
			p.setProperty("runDir", dir.resolve("run").toString());
			p.setProperty("out", dir.resolve("out").toString());
			p.setProperty("label", "baseline-it");
			p.setProperty("baseline.gateways", "http://localhost:" + theirs.address().getPort());
			p.setProperty("baseline.connections", "80");
			p.setProperty("baseline.runDir", dir.resolve("other").toString());
			p.setProperty("baseline.gatewayProcess", "ref-{port}");

			List<Path> written = Bench.run("connections", p);

			assertThat(written).hasSize(1);
			JsonNode document = JsonMapper.builder().build().readTree(Files.readString(written.get(0)));
			assertThat(document.path("connected").asInt()).isEqualTo(120);
			assertThat(document.path("gateway").asString()).isEqualTo("gateway-" + ours.address().getPort());
			JsonNode baseline = document.path("baseline");
			assertThat(baseline.path("connected").asInt()).isEqualTo(80);
			assertThat(baseline.path("machine").path("loadAverage").asString()).isNotBlank();
			assertThat(baseline.path("gateway").asString()).isEqualTo("ref-" + theirs.address().getPort());
			assertThat(baseline.path("settings").path("gateways").path(0).asString())
				.isEqualTo("http://localhost:" + theirs.address().getPort());
			assertThat(ours.connects).hasValue(120);
			assertThat(theirs.connects).hasValue(80);
		}
	}

}

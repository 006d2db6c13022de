package org.chat.loadtest.gatling;

import java.nio.file.Path;

import io.gatling.app.Gatling$;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link ChatSimulation} in-process against {@link FakeChatGateway}, which delivers every message after its
 * ack, late enough to land after the pair's next send has started (pacing 100 ms, ack after 60 ms, delivery after
 * 130 ms). Gatling 3.13 drops a frame that arrives while an unrelated check is pending on the socket, and
 * empties a socket's unmatched-frame buffer whenever it sends on it: a simulation whose receiving socket also
 * sends loses such deliveries and fails "all delivered" although the server delivered everything.
 */
class ChatSimulationIT {

	private static final String[] PROPERTIES = { "gateways", "users", "rate", "duration", "ramp", "jwtSecret" };

	@AfterEach
	void clearProperties() {
		for (String property : PROPERTIES) {
			System.clearProperty(property);
		}
	}

	@Test
	void everyDeliveredMessageCountsAsDelivered(@TempDir Path results) throws Exception {
		try (FakeChatGateway gateway = new FakeChatGateway(60, 130)) {
			System.setProperty("gateways", gateway.url());
			System.setProperty("users", "4");
			System.setProperty("rate", "20");
			System.setProperty("duration", "2");
			System.setProperty("ramp", "0");

			int exitCode = Gatling$.MODULE$.fromArgs(new String[] { "-s", ChatSimulation.class.getName(), "-rf",
					results.toString(), "-nr" });

			assertThat(exitCode).as("Gatling exit code (non-zero: a failed request, e.g. \"all delivered\")").isZero();
			// 2 pairs, two sockets each
			assertThat(gateway.devTokenRequests).hasValue(4);
		}
	}

	@Test
	void withASigningKeyTheSimulationNeedsNoDevMode(@TempDir Path results) throws Exception {
		String secret = "0123456789abcdef0123456789abcdef-gatling";
		try (FakeChatGateway gateway = new FakeChatGateway(60, 130, secret)) {
			System.setProperty("gateways", gateway.url());
			System.setProperty("users", "4");
			System.setProperty("rate", "20");
			System.setProperty("duration", "2");
			System.setProperty("ramp", "0");
			System.setProperty("jwtSecret", secret);

			int exitCode = Gatling$.MODULE$.fromArgs(new String[] { "-s", ChatSimulation.class.getName(), "-rf",
					results.toString(), "-nr" });

			assertThat(exitCode).as("Gatling exit code (non-zero: a failed request or a refused CONNECT)").isZero();
			assertThat(gateway.devTokenRequests).hasValue(0);
			assertThat(gateway.verifiedTokens).hasValue(4);
		}
	}

}

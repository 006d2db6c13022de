package org.chat.loadtest.gatling;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Simulation options as system properties ({@code ./chat load chat -Dusers=200 -Drate=400 -Dduration=60}); the
 * defaults keep a run short (about half a minute).
 */
record LoadSettings(List<String> gateways, int users, double rate, Duration duration, Duration ramp,
		int reconnects) {

	static LoadSettings fromSystem(int defaultUsers, double defaultRate) {
		List<String> gateways = Arrays.stream(System.getProperty("gateways", "http://localhost:8080,http://localhost:8081")
			.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		return new LoadSettings(gateways, Integer.getInteger("users", defaultUsers),
				Double.parseDouble(System.getProperty("rate", Double.toString(defaultRate))),
				Duration.ofSeconds(Integer.getInteger("duration", 30)), Duration.ofSeconds(Integer.getInteger("ramp", 5)),
				Integer.getInteger("reconnects", 3));
	}

	/** The gateway of the n-th socket, round robin: partners of a pair land on different gateways. */
	String gateway(long n) {
		return this.gateways.get((int) (n % this.gateways.size()));
	}

	static String wsUrl(String httpUrl) {
		return httpUrl.replaceFirst("^http", "ws");
	}

}

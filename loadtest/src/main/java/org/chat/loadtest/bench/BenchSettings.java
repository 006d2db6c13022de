package org.chat.loadtest.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.chat.loadtest.tokens.TokenSettings;

/**
 * What a bench run does, from system properties ({@code ./chat bench -Dusers=...}); the defaults are the fixed
 * workload of docs/PERFORMANCE.md, so runs without options compare with each other.
 */
record BenchSettings(List<URI> gateways, int users, int rate, int warmupSeconds, int durationSeconds,
		int drainSeconds, int connections, int connectParallel, int handshakeTimeoutSeconds, int clientEventLoops,
		List<String> connectHosts, Path runDir, Path outDir, String label, TokenSettings tokens,
		List<Integer> firstSeconds, String gatewayProcess) {

	/** Prefix of the properties that describe the stack a run is compared with ({@link Baseline}). */
	static final String BASELINE = "baseline.";

	static BenchSettings from(Properties p) {
		List<URI> gateways = split(p.getProperty("gateways", "http://localhost:8080,http://localhost:8081")).stream()
			.map(URI::create)
			.toList();
		BenchSettings settings = new BenchSettings(gateways, integer(p, "users", 400), integer(p, "rate", 2000),
				integer(p, "warmup", 10), integer(p, "duration", 60), integer(p, "drain", 10),
				integer(p, "connections", 15000), integer(p, "connectParallel", 500),
				integer(p, "handshakeTimeout", 30), integer(p, "clientEventLoops", Runtime.getRuntime().availableProcessors()),
				split(p.getProperty("connectHosts", "127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4")),
				Path.of(p.getProperty("runDir", ".chat/run")), Path.of(p.getProperty("out", "docs/benchmarks")),
				p.getProperty("label", ""), TokenSettings.from(p::getProperty, System::getenv),
				split(p.getProperty("firstSeconds", "10,60")).stream().map(Integer::valueOf).toList(),
				p.getProperty("gatewayProcess", "gateway-{port}"));
		if (settings.users() < 2 || settings.users() % 2 != 0) {
			throw new IllegalArgumentException("users must be an even number >= 2 (pairs), got " + settings.users());
		}
		if (settings.rate() < 1 || settings.durationSeconds() < 1 || settings.connections() < 1
				|| settings.connectParallel() < 1 || settings.handshakeTimeoutSeconds() < 1
				|| settings.clientEventLoops() < 1 || settings.firstSeconds().stream().anyMatch(s -> s < 1)) {
			throw new IllegalArgumentException(
					"rate, duration, connections, connectParallel, handshakeTimeout, clientEventLoops and firstSeconds must be positive");
		}
		if (!settings.gatewayProcess().contains("{port}")) {
			throw new IllegalArgumentException("gatewayProcess must contain {port}, got " + settings.gatewayProcess());
		}
		return settings;
	}

	/**
	 * The pid file name (without {@code .pid}) of the gateway process at this URI in {@link #runDir()}:
	 * {@code gateway-<port>} for a {@code ./chat up} stack, {@code -DgatewayProcess} for another.
	 */
	String gatewayProcess(URI gateway) {
		return this.gatewayProcess.replace("{port}", Integer.toString(gateway.getPort()));
	}

	/**
	 * The properties of the baseline run: these, with every {@code baseline.<key>} given as {@code <key>}; empty
	 * when no {@code baseline.gateways} is given.
	 */
	static Optional<Properties> baseline(Properties p) {
		if (p.getProperty(BASELINE + "gateways", "").isBlank()) {
			return Optional.empty();
		}
		Properties baseline = new Properties();
		p.stringPropertyNames().forEach(key -> baseline.setProperty(key, p.getProperty(key)));
		p.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith(BASELINE))
			.forEach(key -> baseline.setProperty(key.substring(BASELINE.length()), p.getProperty(key)));
		return Optional.of(baseline);
	}

	Map<String, Object> describe() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("gateways", this.gateways.stream().map(URI::toString).toList());
		d.put("users", this.users);
		d.put("rate", this.rate);
		d.put("warmupSeconds", this.warmupSeconds);
		d.put("durationSeconds", this.durationSeconds);
		d.put("drainSeconds", this.drainSeconds);
		d.put("connections", this.connections);
		d.put("connectParallel", this.connectParallel);
		d.put("handshakeTimeoutSeconds", this.handshakeTimeoutSeconds);
		d.put("clientEventLoops", this.clientEventLoops);
		d.put("connectHosts", this.connectHosts);
		d.put("tokens", this.tokens.describe());
		d.put("firstSeconds", this.firstSeconds);
		d.put("runDir", this.runDir.toString());
		d.put("gatewayProcess", this.gatewayProcess);
		return d;
	}

	private static int integer(Properties p, String key, int fallback) {
		return Integer.parseInt(p.getProperty(key, Integer.toString(fallback)).trim());
	}

	private static List<String> split(String csv) {
		return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

}

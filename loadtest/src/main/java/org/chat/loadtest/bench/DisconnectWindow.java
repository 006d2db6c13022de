package org.chat.loadtest.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the gateways' sockets ended during a window: {@code chat_gateway_disconnects_total{reason}} scraped from every
 * process before and after, each process's increase summed by reason. A process restarted in the window (the
 * storm's killed gateway) counts from zero again, as Prometheus' {@code increase()} treats a counter reset.
 */
final class DisconnectWindow {

	private static final Pattern COUNTER = Pattern
		.compile("^chat_gateway_disconnects_total\\{[^}]*reason=\"([^\"]*)\"[^}]*\\} (\\S+)$");

	private final Path runDir;

	private final Map<Integer, Map<String, Double>> start;

	private DisconnectWindow(Path runDir) {
		this.runDir = runDir;
		this.start = scrape(runDir);
	}

	static DisconnectWindow start(Path runDir) {
		return new DisconnectWindow(runDir);
	}

	/** Reason → sockets ended in the window, over every gateway; reasons that did not occur are left out. */
	Map<String, Long> stop() {
		Map<String, Long> ended = new TreeMap<>();
		scrape(this.runDir).forEach((port, end) -> increase(this.start.getOrDefault(port, Map.of()), end)
			.forEach((reason, n) -> ended.merge(reason, n, Long::sum)));
		ended.values().removeIf(n -> n == 0);
		return ended;
	}

	/** Per reason, end − start, or end when the counter went back (the process restarted). */
	static Map<String, Long> increase(Map<String, Double> start, Map<String, Double> end) {
		Map<String, Long> increase = new TreeMap<>();
		end.forEach((reason, now) -> {
			double before = start.getOrDefault(reason, 0.0);
			increase.put(reason, Math.round(now >= before ? now - before : now));
		});
		return increase;
	}

	/** The counter's values by reason in one process's Prometheus text. */
	static Map<String, Double> counts(String prometheusText) {
		Map<String, Double> counts = new TreeMap<>();
		for (String line : prometheusText.split("\n")) {
			Matcher m = COUNTER.matcher(line);
			if (m.matches()) {
				counts.put(m.group(1), Double.parseDouble(m.group(2)));
			}
		}
		return counts;
	}

	private static Map<Integer, Map<String, Double>> scrape(Path runDir) {
		Map<Integer, Map<String, Double>> byPort = new TreeMap<>();
		ManagementScrape.all(runDir).forEach((port, text) -> {
			Map<String, Double> counts = counts(text);
			if (!counts.isEmpty()) {
				byPort.put(port, counts);
			}
		});
		return byPort;
	}

}

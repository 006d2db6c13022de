package org.chat.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code ./chat bench [chat|connections|storm|all]}: runs the fixed workloads against a running {@code ./chat up}
 * stack, prints each result and writes it as JSON to {@code docs/benchmarks/<date>-<kind>[-<label>].json}. With
 * {@code -Dbaseline.gateways=…} each bench then runs once more, with the same settings, against that other stack
 * (every {@code -Dbaseline.<key>} replacing {@code <key>}), keeps its figures under {@code baseline} and prints both
 * side by side.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		run((args.length > 0) ? args[0] : "chat", System.getProperties());
		System.exit(0); // JDK WebSocket threads may linger
	}

	/** Runs the benches {@code what} names; returns the result files written. */
	static List<Path> run(String what, Properties properties) throws Exception {
		if (!what.matches("chat|connections|all|storm")) {
			throw new IllegalArgumentException("unknown bench '" + what + "' (chat, connections, storm or all)");
		}
		List<Path> written = new ArrayList<>();
		Optional<Properties> baseline = BenchSettings.baseline(properties);
		for (String kind : List.of("chat", "connections", "storm")) {
			if (what.equals(kind) || (what.equals("all") && !kind.equals("storm"))) {
				BenchSettings settings = BenchSettings.from(properties);
				Map<String, Object> machine = Machine.describe(); // the box's load before this run, not after it
				Map<String, Object> ours = withSettings(settings, run(kind, settings, properties));
				Map<String, Object> theirs = null;
				if (baseline.isPresent()) {
					BenchSettings baselineSettings = BenchSettings.from(baseline.get());
					System.out.println("baseline: the same " + kind + " bench against " + baselineSettings.gateways());
					Map<String, Object> baselineMachine = Machine.describe();
					theirs = withSettings(baselineSettings, run(kind, baselineSettings, baseline.get()));
					theirs.put("machine", baselineMachine);
				}
				written.add(report(kind, settings, machine, ours, theirs));
			}
		}
		return written;
	}

	private static Map<String, Object> run(String kind, BenchSettings settings, Properties properties)
			throws Exception {
		ProcessStats stats = new ProcessStats(settings.runDir());
		return switch (kind) {
			case "chat" -> new ChatBench(settings, ReconnectSettings.from(properties), stats).run();
			case "connections" -> new ConnectionBench(settings, stats).run();
			default -> new ReconnectStorm(settings, StormSettings.from(properties), stats,
					ReconnectStorm.process(stats, settings.gatewayProcess(settings.gateways().get(0)))).run();
		};
	}

	/**
	 * The result with the bench's settings under {@code settings}, merged with the workload's own (the storm reports
	 * its {@code storm…} settings there), so neither replaces the other.
	 */
	static Map<String, Object> withSettings(BenchSettings settings, Map<String, Object> results) {
		Map<String, Object> merged = new LinkedHashMap<>(settings.describe());
		if (results.get("settings") instanceof Map<?, ?> own) {
			own.forEach((key, value) -> merged.put(key.toString(), value));
		}
		results.put("settings", merged);
		return results;
	}

	private static Path report(String kind, BenchSettings settings, Map<String, Object> machine,
			Map<String, Object> results, Map<String, Object> baseline) throws Exception {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("bench", kind);
		document.put("label", settings.label());
		document.put("at", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
		document.put("machine", machine);
		document.put("settings", results.get("settings")); // here, not at the results' end
		document.putAll(results);
		if (baseline != null) {
			document.put("baseline", baseline);
		}
		String json = JsonOut.write(document);
		Files.createDirectories(settings.outDir());
		Path file = freeName(settings.outDir(), LocalDate.now(ZoneOffset.UTC) + "-" + kind
				+ (settings.label().isBlank() ? "" : "-" + settings.label()));
		Files.writeString(file, json);
		System.out.print(json);
		if (baseline != null) {
			System.out.println();
			System.out.print(Baseline.table(Baseline.rows(kind, settings), "this stack", results, "baseline",
					baseline));
		}
		System.out.println("written: " + file);
		return file;
	}

	private static Path freeName(Path dir, String base) {
		Path file = dir.resolve(base + ".json");
		for (int n = 2; Files.exists(file); n++) {
			file = dir.resolve(base + "-" + n + ".json");
		}
		return file;
	}

}

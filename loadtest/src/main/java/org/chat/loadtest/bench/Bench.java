package org.chat.loadtest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./chat bench [chat|connections|storm|all]}: runs the fixed workloads against a running {@code ./chat up}
 * stack, prints each result and writes it as JSON to {@code docs/benchmarks/<date>-<kind>[-<label>].json}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		String what = (args.length > 0) ? args[0] : "chat";
		BenchSettings settings = BenchSettings.from(System.getProperties());
		ProcessStats stats = new ProcessStats(settings.runDir());
		if (what.equals("chat") || what.equals("all")) {
			report("chat", settings,
					new ChatBench(settings, ReconnectSettings.from(System.getProperties()), stats).run());
		}
		if (what.equals("connections") || what.equals("all")) {
			report("connections", settings, new ConnectionBench(settings, stats).run());
		}
		if (what.equals("storm")) {
			report("storm", settings, new ReconnectStorm(settings, StormSettings.from(System.getProperties()), stats,
					ReconnectStorm.process(stats, Gateways.processName(settings.gateways().get(0)))).run());
		}
		if (!what.matches("chat|connections|all|storm")) {
			throw new IllegalArgumentException("unknown bench '" + what + "' (chat, connections, storm or all)");
		}
		System.exit(0); // JDK WebSocket threads may linger
	}

	private static void report(String kind, BenchSettings settings, Map<String, Object> results) throws Exception {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("bench", kind);
		document.put("label", settings.label());
		document.put("at", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
		document.put("machine", Machine.describe());
		document.put("settings", settings.describe());
		document.putAll(results);
		String json = JsonOut.write(document);
		Files.createDirectories(settings.outDir());
		Path file = freeName(settings.outDir(), LocalDate.now(ZoneOffset.UTC) + "-" + kind
				+ (settings.label().isBlank() ? "" : "-" + settings.label()));
		Files.writeString(file, json);
		System.out.print(json);
		System.out.println("written: " + file);
	}

	private static Path freeName(Path dir, String base) {
		Path file = dir.resolve(base + ".json");
		for (int n = 2; Files.exists(file); n++) {
			file = dir.resolve(base + "-" + n + ".json");
		}
		return file;
	}

}

package org.chat.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** CPU time each stack process (every pid file of {@code ./chat up}) and the bench itself used over a window. */
final class CpuWindow {

	static final String SELF = "bench-client";

	private final ProcessStats stats;

	private final Map<String, Long> startMillis;

	private final long startNanos = System.nanoTime();

	private CpuWindow(ProcessStats stats, Map<String, Long> startMillis) {
		this.stats = stats;
		this.startMillis = startMillis;
	}

	static CpuWindow start(ProcessStats stats) {
		return new CpuWindow(stats, sample(stats));
	}

	/** Percent of one core per process over the window (200 = both cores of this box). */
	Map<String, Object> stop() {
		double elapsedMillis = (System.nanoTime() - this.startNanos) / 1e6;
		Map<String, Long> end = sample(this.stats);
		Map<String, Object> share = new LinkedHashMap<>();
		this.startMillis.forEach((name, begin) -> {
			Long finish = end.get(name);
			if (begin >= 0 && finish != null && finish >= begin) {
				share.put(name, 100.0 * (finish - begin) / elapsedMillis);
			}
		});
		return share;
	}

	private static Map<String, Long> sample(ProcessStats stats) {
		Map<String, Long> cpu = new LinkedHashMap<>();
		for (String name : names(stats)) {
			cpu.put(name, stats.cpuMillis(name));
		}
		cpu.put(SELF, ProcessStats.cpuMillisOf(ProcessHandle.current().pid()));
		return cpu;
	}

	private static String[] names(ProcessStats stats) {
		try (Stream<Path> files = Files.list(stats.runDir())) {
			return files.map(file -> file.getFileName().toString())
				.filter(file -> file.endsWith(".pid") && !file.equals("chat.pid"))
				.map(file -> file.substring(0, file.length() - ".pid".length()))
				.sorted()
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			return new String[0];
		}
	}

}

package org.chat.gateway.footprint;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import javax.management.ObjectName;

import org.chat.gateway.GatewayApplication;

/**
 * Measures the live heap one idle, authenticated chat connection costs (docs/GATEWAY.md). Not a test (it prints,
 * never asserts): run it with the test classpath, e.g.
 * {@code java -Xmx1g -cp <test classpath> org.chat.gateway.footprint.ConnectionFootprint 3000}.
 * Clients run in a child JVM; this JVM's heap after a full GC is compared with and without them, and the
 * class histogram diff shows what each connection holds.
 */
public final class ConnectionFootprint {

	private ConnectionFootprint() {
	}

	public static void main(String[] args) throws Exception {
		GatewayApplication.tuneReactorNetty();
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
		try (FootprintGateway gateway = new FootprintGateway()) {
			connectAndDrop(gateway, 300);
			long before = liveHeap();
			long rssBefore = rss();
			Map<String, long[]> histogramBefore = histogram();
			Process clients = clients(gateway.port(), count);
			await(() -> clients.isAlive() ? gateway.sessions.size() : -1, count);
			Thread.sleep(2000);
			long after = liveHeap();
			long rssAfter = rss();
			Map<String, long[]> histogramAfter = histogram();
			System.out.printf("%d idle authenticated connections: live heap %,d -> %,d bytes = %,d bytes per connection%n",
					count, before, after, (after - before) / count);
			System.out.printf("process RSS %,d -> %,d bytes = %,d bytes per connection (heap headroom included)%n",
					rssBefore, rssAfter, (rssAfter - rssBefore) / count);
			printDiff(histogramBefore, histogramAfter, count);
			clients.destroyForcibly().waitFor();
			await(gateway::engineSessions, 0);
		}
	}

	/** Warm-up: the first connections load classes and fill pools that later ones share. */
	private static void connectAndDrop(FootprintGateway gateway, int count) throws Exception {
		Process clients = clients(gateway.port(), count);
		await(() -> clients.isAlive() ? gateway.sessions.size() : -1, count);
		clients.destroyForcibly().waitFor();
		await(gateway::engineSessions, 0);
	}

	private static Process clients(int port, int count) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
				FootprintClients.class.getName(), String.valueOf(port), String.valueOf(count))
			.redirectErrorStream(true)
			.start();
		Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream())).lines()
			.forEach(line -> System.out.println("[clients] " + line)));
		reader.setDaemon(true);
		reader.start();
		return process;
	}

	private static void await(IntSupplier value, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (value.getAsInt() != expected) {
			if (System.nanoTime() > deadline || value.getAsInt() < 0) {
				throw new IllegalStateException("waited for " + expected + ", have " + value.getAsInt());
			}
			Thread.sleep(100);
		}
	}

	private static long liveHeap() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(300);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Resident set size from /proc (Linux), 0 elsewhere. */
	private static long rss() throws Exception {
		Path status = Path.of("/proc/self/status");
		if (!java.nio.file.Files.exists(status)) {
			return 0;
		}
		return java.nio.file.Files.readAllLines(status)
			.stream()
			.filter(line -> line.startsWith("VmRSS:"))
			.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
			.findFirst()
			.orElse(0);
	}

	/** Class name to {instances, bytes}, from the JVM's own (full-GC) class histogram. */
	private static Map<String, long[]> histogram() throws Exception {
		String text = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
		Map<String, long[]> classes = new HashMap<>();
		for (String line : text.split("\n")) {
			String[] cols = line.trim().split("\\s+");
			if (cols.length >= 4 && cols[0].endsWith(":")) {
				classes.put(cols[3], new long[] { Long.parseLong(cols[1]), Long.parseLong(cols[2]) });
			}
		}
		return classes;
	}

	private static void printDiff(Map<String, long[]> before, Map<String, long[]> after, int count) {
		long total = after.values().stream().mapToLong(c -> c[1]).sum()
				- before.values().stream().mapToLong(c -> c[1]).sum();
		System.out.printf("histogram: %,d bytes per connection; largest per-connection classes:%n", total / count);
		after.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(), new long[] { e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
					e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1] }))
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.limit(40)
			.forEach(e -> System.out.printf("  %8.2f objs %8.1f B  %s%n", (double) e.getValue()[0] / count,
					(double) e.getValue()[1] / count, e.getKey()));
	}

}

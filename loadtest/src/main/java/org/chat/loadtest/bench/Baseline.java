package org.chat.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same bench run a second time against another stack ({@code -Dbaseline.gateways=…}, e.g. the Node.js original
 * the project replaces), and its figures printed beside ours: one line per figure, from the two result documents.
 */
final class Baseline {

	/** One figure: its label and its path in a result document (a {@code sum} path adds a map's numbers). */
	record Row(String label, String path) {
	}

	private Baseline() {
	}

	/** The figures each bench compares. */
	static List<Row> rows(String kind, BenchSettings settings) {
		List<Row> rows = new ArrayList<>();
		switch (kind) {
			case "chat" -> {
				rows.add(new Row("delivered, msgs/s", "results.deliveredRate"));
				rows.add(new Row("one-way p50, ms", "results.oneWayLatencyMs.p50"));
				rows.add(new Row("one-way p99, ms", "results.oneWayLatencyMs.p99"));
				rows.add(new Row("ack p50, ms", "results.ackLatencyMs.p50"));
				rows.add(new Row("ack p99, ms", "results.ackLatencyMs.p99"));
				rows.add(new Row("lost", "results.lost"));
				rows.add(new Row("failed", "results.failed"));
				for (int seconds : settings.firstSeconds()) {
					rows.add(new Row("first " + seconds + " s one-way p99, ms",
							"firstSeconds." + seconds + ".oneWayLatencyMs.p99"));
				}
				rows.add(new Row("reconnect to synced p50, ms", "reconnectToSynced.latencyMs.p50"));
				rows.add(new Row("reconnect to synced p99, ms", "reconnectToSynced.latencyMs.p99"));
				rows.add(new Row("reconnecting clients' messages lost", "reconnectToSynced.lost"));
				rows.add(new Row("stack CPU, % of one core", "sum:cpuPercentOfOneCore"));
			}
			case "connections" -> {
				rows.add(new Row("accepted/s", "acceptRatePerSecond"));
				rows.add(new Row("handshake p50, ms", "handshakeMs.p50"));
				rows.add(new Row("handshake p99, ms", "handshakeMs.p99"));
				rows.add(new Row("failed", "failed"));
				rows.add(new Row("gateway CPU, % of one core", "gatewayCpuPercent"));
				rows.add(new Row("stack CPU, % of one core", "sum:cpuPercentDuringConnect"));
				rows.add(new Row("RSS per idle socket, KiB", "rssGrowthPerConnectionKib"));
				rows.add(new Row("dropped while idle", "droppedWhileIdle"));
			}
			case "storm" -> {
				rows.add(new Row("clients synced", "synced"));
				rows.add(new Row("clients not synced", "incomplete"));
				rows.add(new Row("kill -> reconnected p50, ms", "reconnectedMs.p50"));
				rows.add(new Row("kill -> reconnected p99, ms", "reconnectedMs.p99"));
				rows.add(new Row("kill -> synced p50, ms", "syncedMs.p50"));
				rows.add(new Row("kill -> synced p99, ms", "syncedMs.p99"));
				rows.add(new Row("kill -> last synced, ms", "syncedMs.max"));
				rows.add(new Row("acknowledged", "messages.acked"));
				rows.add(new Row("lost", "messages.lost"));
			}
			default -> throw new IllegalArgumentException("no comparison for bench " + kind);
		}
		return rows;
	}

	/** The side-by-side table: a header, then one line per row; "–" where a document lacks the figure. */
	static String table(List<Row> rows, String ours, Map<String, Object> oursResult, String theirs,
			Map<String, Object> theirsResult) {
		int width = rows.stream().mapToInt(row -> row.label().length()).max().orElse(0);
		StringBuilder table = new StringBuilder();
		String format = "%-" + width + "s  %14s  %14s  %s%n";
		table.append(String.format(Locale.ROOT, format, "", ours, theirs, "ratio"));
		for (Row row : rows) {
			Double a = value(oursResult, row.path());
			Double b = value(theirsResult, row.path());
			String ratio = (a != null && b != null && b != 0) ? String.format(Locale.ROOT, "%.2f", a / b) : "";
			table.append(String.format(Locale.ROOT, format, row.label(), show(a), show(b), ratio));
		}
		return table.toString();
	}

	/**
	 * The number at a dotted path, or the sum of a map's numbers for {@code sum:<path>}; null when absent, and for a
	 * percentile of a histogram that counted nothing (its {@code count} is 0: no message got through).
	 */
	static Double value(Map<String, Object> document, String path) {
		boolean sum = path.startsWith("sum:");
		Object node = document;
		for (String key : (sum ? path.substring(4) : path).split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			if (map.get("count") instanceof Number count && count.longValue() == 0) {
				return null;
			}
			node = map.get(key);
		}
		if (sum && node instanceof Map<?, ?> map) {
			double total = 0;
			boolean any = false;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!CpuWindow.SELF.equals(entry.getKey()) && entry.getValue() instanceof Number number) {
					total += number.doubleValue();
					any = true;
				}
			}
			return any ? total : null;
		}
		return (node instanceof Number number) ? number.doubleValue() : null;
	}

	private static String show(Double value) {
		if (value == null) {
			return "–";
		}
		return (value == Math.rint(value) && Math.abs(value) < 1e12) ? String.format(Locale.ROOT, "%,d", value.longValue())
				: String.format(Locale.ROOT, "%,.1f", value);
	}

}

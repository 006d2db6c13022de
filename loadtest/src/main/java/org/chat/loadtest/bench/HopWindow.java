package org.chat.loadtest.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message's or a sync's time goes: the stack's own latency histograms (every process with a management
 * port in its pid file), scraped from {@code /actuator/prometheus} before and after the measured window, each
 * process's increase summed. A message's
 * hops are each timed from the send's {@code createdAt} (the sender's gateway accepted it); a sync's from the
 * gateway receiving {@code sync_messages}. Quantiles are interpolated within histogram buckets, as Prometheus'
 * {@code histogram_quantile} does, so they are as coarse as the buckets (Micrometer's percentile histogram: about
 * 10 % apart).
 */
final class HopWindow {

	/** A hop: the histogram that times it and its label in the report, in the order a message takes them. */
	record Hop(String name, String metric, String labels) {
	}

	static final List<Hop> MESSAGE = List.of(
			new Hop("kafkaAcked", "chat_kafka_produce_seconds", "result=\"ok\",topic=\"chat.messages\""),
			new Hop("consumed", "chat_messages_stage_seconds", "stage=\"consumed\""),
			new Hop("stored", "chat_messages_stage_seconds", "stage=\"stored\""),
			new Hop("published", "chat_messages_stage_seconds", "stage=\"published\""),
			new Hop("queuedAtRecipientSocket", "chat_delivery_latency_seconds", ""));

	/** A sync page: held until the new session is routable (first pages only), then answered through the service. */
	static final List<Hop> SYNC = List.of(new Hop("heldUntilRoutable", "chat_sync_routable_wait_seconds", ""),
			new Hop("answered", "chat_gateway_ack_latency_seconds", "event=\"sync_messages\""));

	/** A CONNECT at the gateway, to its answer (token checked, epoch allocated in Redis), by result. */
	static final List<Hop> CONNECT = List.of(
			new Hop("connectAnswered", "chat_gateway_connect_latency_seconds", "result=\"ok\""),
			new Hop("connectRefused", "chat_gateway_connect_latency_seconds", "result=\"refused\""));

	private static final Pattern BUCKET = Pattern.compile("^(\\w+)_bucket\\{([^}]*)\\} (\\S+)$");

	private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

	private final Path runDir;

	private final List<Hop> hops;

	/** Per process (management port), per hop, the cumulative bucket counts at the start. */
	private final Map<Integer, Map<String, TreeMap<Double, Double>>> start;

	private HopWindow(Path runDir, List<Hop> hops) {
		this.runDir = runDir;
		this.hops = hops;
		this.start = scrape();
	}

	static HopWindow start(Path runDir, List<Hop> hops) {
		return new HopWindow(runDir, hops);
	}

	/** Per hop: count, p50, p99 in ms over the window; empty when no process could be scraped. */
	Map<String, Object> stop() {
		Map<String, TreeMap<Double, Double>> window = new LinkedHashMap<>();
		scrape().forEach((port, end) -> end.forEach((hop, buckets) -> increase(
				this.start.getOrDefault(port, Map.of()).getOrDefault(hop, new TreeMap<>()), buckets)
			.forEach((le, n) -> window.computeIfAbsent(hop, h -> new TreeMap<>()).merge(le, n, Double::sum))));
		Map<String, Object> hops = new LinkedHashMap<>();
		for (Hop hop : this.hops) {
			TreeMap<Double, Double> delta = window.getOrDefault(hop.name(), new TreeMap<>());
			if (delta.isEmpty() || delta.lastEntry().getValue() <= 0) {
				continue;
			}
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("count", delta.lastEntry().getValue().longValue());
			figures.put("p50", quantile(delta, 0.50) * 1000);
			figures.put("p99", quantile(delta, 0.99) * 1000);
			hops.put(hop.name(), figures);
		}
		return hops;
	}

	/**
	 * One process's bucket counts over the window: end − start, or the end counts when any bucket went back (the
	 * process restarted in the window, as the storm's killed gateway does: Prometheus' {@code increase()} treats it
	 * as a counter reset). Summing before subtracting would take the dead process's counts off the survivors'.
	 */
	static TreeMap<Double, Double> increase(TreeMap<Double, Double> start, TreeMap<Double, Double> end) {
		boolean restarted = start.entrySet().stream().anyMatch(b -> end.getOrDefault(b.getKey(), 0.0) < b.getValue());
		TreeMap<Double, Double> increase = new TreeMap<>();
		end.forEach((le, count) -> increase.put(le, restarted ? count : count - start.getOrDefault(le, 0.0)));
		return increase;
	}

	/** One line per hop under {@code title}, for the console. */
	static String summary(String title, Map<String, Object> hops) {
		StringBuilder out = new StringBuilder(title);
		hops.forEach((name, figures) -> {
			Map<?, ?> f = (Map<?, ?>) figures;
			out.append(String.format("%n  %-24s %9.1f / %9.1f  (%s)", name, (Double) f.get("p50"), (Double) f.get("p99"),
					f.get("count")));
		});
		if (hops.isEmpty()) {
			out.append(String.format("%n  none: no process of this stack exports these histograms"));
		}
		return out.toString();
	}

	/** The {@code q} quantile of cumulative bucket counts (upper bound → count), linear within a bucket. */
	static double quantile(TreeMap<Double, Double> cumulative, double q) {
		double total = cumulative.lastEntry().getValue();
		double rank = q * total;
		double lowerBound = 0;
		double lowerCount = 0;
		for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return lowerBound; // beyond the largest finite bucket: the best known lower bound
				}
				double inBucket = bucket.getValue() - lowerCount;
				return inBucket <= 0 ? bucket.getKey()
						: lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return lowerBound;
	}

	/** Per process that answered, per hop, its cumulative bucket counts. */
	private Map<Integer, Map<String, TreeMap<Double, Double>>> scrape() {
		Map<Integer, Map<String, TreeMap<Double, Double>>> byPort = new LinkedHashMap<>();
		ManagementScrape.all(this.runDir).forEach((port, text) -> {
			Map<String, TreeMap<Double, Double>> hops = new LinkedHashMap<>();
			add(text, this.hops, hops);
			byPort.put(port, hops);
		});
		return byPort;
	}

	static void add(String prometheusText, List<Hop> hops, Map<String, TreeMap<Double, Double>> sums) {
		for (String line : prometheusText.split("\n")) {
			Matcher m = BUCKET.matcher(line);
			if (!m.matches()) {
				continue;
			}
			for (Hop hop : hops) {
				if (m.group(1).equals(hop.metric()) && hasLabels(m.group(2), hop.labels())) {
					Matcher le = LE.matcher(m.group(2));
					if (le.find()) {
						double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
						sums.computeIfAbsent(hop.name(), n -> new TreeMap<>())
							.merge(bound, Double.parseDouble(m.group(3)), Double::sum);
					}
				}
			}
		}
	}

	private static boolean hasLabels(String labels, String wanted) {
		for (String label : wanted.split(",")) {
			if (!label.isEmpty() && !labels.contains(label)) {
				return false;
			}
		}
		return true;
	}

}

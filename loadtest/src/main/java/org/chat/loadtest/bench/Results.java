package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/** The numbers a chat bench reports, from the ledger's totals over the measured window. */
final class Results {

	private Results() {
	}

	static Map<String, Object> of(MessageLedger.Totals totals, long windowNanos) {
		double seconds = windowNanos / 1e9;
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("measuredSeconds", seconds);
		results.put("sent", totals.sent());
		results.put("achievedSendRate", totals.sent() / seconds);
		results.put("acked", totals.acked());
		results.put("received", totals.received());
		results.put("deliveredRate", totals.received() / seconds);
		results.put("lost", totals.lost());
		results.put("failed", totals.failed());
		results.put("failedPercent", (totals.sent() == 0) ? 0.0 : 100.0 * totals.failed() / totals.sent());
		results.put("duplicates", totals.duplicates());
		results.put("oneWayLatencyMs", percentiles(totals.oneWay()));
		results.put("ackLatencyMs", percentiles(totals.ack()));
		return results;
	}

	/** Counters by name, sorted, as plain numbers. */
	static Map<String, Long> counts(Map<String, AtomicLong> counters) {
		Map<String, Long> counts = new TreeMap<>();
		counters.forEach((name, count) -> counts.put(name, count.get()));
		return counts;
	}

	static long total(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	static Map<String, Object> percentiles(Histogram micros) {
		Map<String, Object> ms = new LinkedHashMap<>();
		ms.put("count", micros.getTotalCount());
		ms.put("p50", micros.getValueAtPercentile(50) / 1000.0);
		ms.put("p95", micros.getValueAtPercentile(95) / 1000.0);
		ms.put("p99", micros.getValueAtPercentile(99) / 1000.0);
		ms.put("p99_9", micros.getValueAtPercentile(99.9) / 1000.0);
		ms.put("max", micros.getMaxValue() / 1000.0);
		ms.put("mean", micros.getMean() / 1000.0);
		return ms;
	}

}

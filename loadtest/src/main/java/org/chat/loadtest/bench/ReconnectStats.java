package org.chat.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the reconnecting clients measured: drop → synced latencies (µs), split at the moment the new socket is
 * connected (handshakes, authentication) and the rest (register and every sync page), and how the hops went.
 */
final class ReconnectStats {

	private static final long MAX_MICROS = 120_000_000L;

	private final Recorder dropToSynced = new Recorder(MAX_MICROS, 3);

	private final Recorder dropToConnected = new Recorder(MAX_MICROS, 3);

	private final Recorder connectedToSynced = new Recorder(MAX_MICROS, 3);

	private final AtomicLong drops = new AtomicLong();

	private final AtomicLong connectFailures = new AtomicLong();

	private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

	private final AtomicLong incomplete = new AtomicLong();

	private final AtomicLong pages = new AtomicLong();

	void dropped() {
		this.drops.incrementAndGet();
	}

	/** @param nanos from the drop to the new socket's Socket.IO CONNECT */
	void connected(long nanos) {
		this.dropToConnected.recordValue(micros(nanos));
	}

	/**
	 * @param nanos from the drop to the last sync page
	 * @param sinceConnectedNanos from the new socket's CONNECT to the last sync page
	 */
	void synced(long nanos, long sinceConnectedNanos) {
		this.dropToSynced.recordValue(micros(nanos));
		this.connectedToSynced.recordValue(micros(sinceConnectedNanos));
	}

	private static long micros(long nanos) {
		return Math.max(0, Math.min(MAX_MICROS, nanos / 1000));
	}

	void connectFailed() {
		this.connectFailures.incrementAndGet();
	}

	void refusedPage(String code) {
		this.refusals.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
	}

	void incomplete() {
		this.incomplete.incrementAndGet();
	}

	void pages(int count) {
		this.pages.addAndGet(count);
	}

	/** The figures so far; the latency percentiles in ms as {@link Results#percentiles} gives them. */
	Map<String, Object> report() {
		Histogram latency = this.dropToSynced.getIntervalHistogram();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reconnects", this.drops.get());
		report.put("latencyMs", Results.percentiles(latency));
		report.put("dropToConnectedMs", Results.percentiles(this.dropToConnected.getIntervalHistogram()));
		report.put("connectedToSyncedMs", Results.percentiles(this.connectedToSynced.getIntervalHistogram()));
		report.put("syncPages", this.pages.get());
		Map<String, Long> refused = Results.counts(this.refusals);
		report.put("refusedPages", Results.total(refused));
		report.put("refusedPagesByCode", refused);
		report.put("connectFailures", this.connectFailures.get());
		report.put("incomplete", this.incomplete.get());
		return report;
	}

}

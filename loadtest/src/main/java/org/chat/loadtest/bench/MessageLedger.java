package org.chat.loadtest.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The fate of every message of a chat bench, by sequence number: sent, acked (ok), failed (ack not ok or none
 * in time), received by the recipient. Latencies count from the message's scheduled send time (open model:
 * a late sender is part of the latency, no coordinated omission), in microseconds.
 */
final class MessageLedger {

	private static final int SENT = 1;

	private static final int ACKED = 2;

	private static final int FAILED = 4;

	private static final int RECEIVED = 8;

	private static final long MAX_MICROS = 120_000_000L;

	private final AtomicIntegerArray state;

	private final long[] dueNanos;

	private final int measuredFrom;

	private final Recorder oneWay = new Recorder(MAX_MICROS, 3);

	private final Recorder ack = new Recorder(MAX_MICROS, 3);

	private final AtomicLong duplicates = new AtomicLong();

	MessageLedger(int capacity, int measuredFrom) {
		this.state = new AtomicIntegerArray(capacity);
		this.dueNanos = new long[capacity];
		this.measuredFrom = measuredFrom;
	}

	int capacity() {
		return this.dueNanos.length;
	}

	void sent(int seq, long due) {
		this.dueNanos[seq] = due;
		this.state.getAndUpdate(seq, s -> s | SENT);
	}

	void acked(int seq, boolean ok, long now) {
		if (seq < 0 || seq >= capacity()) {
			return;
		}
		this.state.getAndUpdate(seq, s -> s | (ok ? ACKED : FAILED));
		if (ok && seq >= this.measuredFrom) {
			this.ack.recordValue(micros(now - this.dueNanos[seq]));
		}
	}

	void received(int seq, long now) {
		if (seq < 0 || seq >= capacity()) {
			return;
		}
		int before = this.state.getAndUpdate(seq, s -> s | RECEIVED);
		if ((before & RECEIVED) != 0) {
			this.duplicates.incrementAndGet();
		}
		else if (seq >= this.measuredFrom) {
			this.oneWay.recordValue(micros(now - this.dueNanos[seq]));
		}
	}

	/** Acked messages not yet received among the first {@code sent} sequence numbers. */
	int inFlight(int sent) {
		int pending = 0;
		for (int seq = 0; seq < sent; seq++) {
			int s = this.state.get(seq);
			if ((s & ACKED) != 0 && (s & RECEIVED) == 0 || (s & (ACKED | FAILED)) == 0) {
				pending++;
			}
		}
		return pending;
	}

	/** Totals over the measured window [measuredFrom, sent). */
	Totals totals(int sent) {
		long acked = 0, failed = 0, lost = 0, received = 0;
		for (int seq = this.measuredFrom; seq < sent; seq++) {
			int s = this.state.get(seq);
			boolean ok = (s & ACKED) != 0;
			acked += ok ? 1 : 0;
			failed += ok ? 0 : 1;
			received += ((s & RECEIVED) != 0) ? 1 : 0;
			lost += (ok && (s & RECEIVED) == 0) ? 1 : 0;
		}
		return new Totals(Math.max(0, sent - this.measuredFrom), acked, failed, lost, received, this.duplicates.get(),
				this.oneWay.getIntervalHistogram(), this.ack.getIntervalHistogram());
	}

	private static long micros(long nanos) {
		return Math.max(0, Math.min(MAX_MICROS, nanos / 1000));
	}

	record Totals(long sent, long acked, long failed, long lost, long received, long duplicates, Histogram oneWay,
			Histogram ack) {
	}

}

package org.chat.loadtest.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The fate of every message of a chat bench, by sequence number: sent, acked (ok), failed (ack not ok or none
 * in time), received by the recipient. Latencies count from the message's scheduled send time (open model:
 * a late sender is part of the latency, no coordinated omission), in microseconds. Besides the measured window, it
 * keeps the latencies of the first messages (sequence numbers below each of {@code firstWindows}): what a freshly
 * started stack gives its first users.
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

	private final int[] firstWindows;

	private final Recorder[] firstOneWay;

	private final Recorder[] firstAck;

	/** @param firstWindows sequence-number bounds: window {@code i} holds the messages {@code 0 .. firstWindows[i]-1} */
	MessageLedger(int capacity, int measuredFrom, int[] firstWindows) {
		this.state = new AtomicIntegerArray(capacity);
		this.dueNanos = new long[capacity];
		this.measuredFrom = measuredFrom;
		this.firstWindows = firstWindows.clone();
		this.firstOneWay = new Recorder[firstWindows.length];
		this.firstAck = new Recorder[firstWindows.length];
		for (int i = 0; i < firstWindows.length; i++) {
			this.firstOneWay[i] = new Recorder(MAX_MICROS, 3);
			this.firstAck[i] = new Recorder(MAX_MICROS, 3);
		}
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
		if (ok) {
			recordFirst(this.firstAck, seq, now);
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
		else {
			if (seq >= this.measuredFrom) {
				this.oneWay.recordValue(micros(now - this.dueNanos[seq]));
			}
			recordFirst(this.firstOneWay, seq, now);
		}
	}

	private void recordFirst(Recorder[] recorders, int seq, long now) {
		for (int i = 0; i < this.firstWindows.length; i++) {
			if (seq < this.firstWindows[i]) {
				recorders[i].recordValue(micros(now - this.dueNanos[seq]));
			}
		}
	}

	/** One-way and ack latencies of the first {@code firstWindows[window]} messages. */
	Histogram[] first(int window) {
		return new Histogram[] { this.firstOneWay[window].getIntervalHistogram(),
				this.firstAck[window].getIntervalHistogram() };
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

package org.chat.message.order;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hybrid logical clock in microseconds: {@code max(now, last + 1)}. It stamps every message as this
 * instance consumes it, so the stamp order of one partition is its consumption order (= Kafka order)
 * and never depends on gateway clocks. {@link #observe} pulls it past stamps written by a previous
 * owner of a partition whose clock ran ahead.
 */
public final class HybridClock {

	private final Clock clock;

	private final AtomicLong last = new AtomicLong();

	public HybridClock(Clock clock) {
		this.clock = clock;
	}

	public long next() {
		long now = micros();
		return this.last.updateAndGet(prev -> Math.max(now, prev + 1));
	}

	public void observe(long stamp) {
		this.last.accumulateAndGet(stamp, Math::max);
	}

	private long micros() {
		var instant = this.clock.instant();
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

}

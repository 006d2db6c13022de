package org.chat.notification.decide;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perMinute} pushes per user per minute on this instance (a fixed one-minute window). A
 * conversation collapses into one notification anyway; this bounds what a flood of senders can do to a phone.
 */
final class PerUserRate {

	private record Window(long minute, AtomicInteger count) {
	}

	private static final int PURGE_ABOVE = 100_000;

	private final int perMinute;

	private final Clock clock;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	PerUserRate(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	boolean tryAcquire(String userId) {
		long minute = this.clock.millis() / 60_000;
		if (this.windows.size() > PURGE_ABOVE) {
			this.windows.values().removeIf(w -> w.minute() < minute);
		}
		Window window = this.windows.compute(userId,
				(id, w) -> (w == null || w.minute() != minute) ? new Window(minute, new AtomicInteger()) : w);
		return window.count().incrementAndGet() <= this.perMinute;
	}

}

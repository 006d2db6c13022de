package org.chat.gateway.ratelimit;

import java.util.function.LongSupplier;

/** A token bucket: starts full with {@code burst} tokens, refills continuously at {@code ratePerSecond}. */
public final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double capacity;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private double tokens;

	private long lastRefill;

	public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
		this.capacity = burst;
		this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
		this.nanoTime = nanoTime;
		this.tokens = burst;
		this.lastRefill = nanoTime.getAsLong();
	}

	public static TokenBucket of(RateLimitProperties properties) {
		return new TokenBucket(properties.eventsPerSecond(), properties.burst(), System::nanoTime);
	}

	/** Takes one token if there is one. */
	public synchronized boolean tryAcquire() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.tokensPerNano);
		this.lastRefill = now;
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

}

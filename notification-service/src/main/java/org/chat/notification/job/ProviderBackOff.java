package org.chat.notification.job;

import java.time.Duration;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Exponential pauses (initial, ×2, … up to max) between attempts of a batch a provider could not take, never
 * giving up. A provider's {@code Retry-After} lengthens the next pause: the listener leaves it in
 * {@link #hint} just before failing, on the consumer thread that then runs the error handler.
 */
public final class ProviderBackOff implements BackOff {

	private static final ThreadLocal<Duration> HINT = new ThreadLocal<>();

	private final Duration initial;

	private final Duration max;

	public ProviderBackOff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	static void hint(Duration retryAfter) {
		HINT.set(retryAfter);
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private int attempt;

			@Override
			public long nextBackOff() {
				Duration hinted = HINT.get();
				HINT.remove();
				long exponential = ProviderBackOff.this.initial.toMillis() << Math.min(this.attempt++, 20);
				long pause = Math.max(exponential, hinted == null ? 0 : hinted.toMillis());
				return Math.min(pause, ProviderBackOff.this.max.toMillis());
			}

		};
	}

}

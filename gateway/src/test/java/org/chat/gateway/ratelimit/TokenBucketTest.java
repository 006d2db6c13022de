package org.chat.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

	private final AtomicLong now = new AtomicLong(1_000);

	@Test
	void allowsTheBurstThenRefusesUntilRefilled() {
		TokenBucket bucket = new TokenBucket(10, 3, this.now::get);
		assertThat(bucket.tryAcquire()).isTrue();
		assertThat(bucket.tryAcquire()).isTrue();
		assertThat(bucket.tryAcquire()).isTrue();
		assertThat(bucket.tryAcquire()).isFalse();
		this.now.addAndGet(99_000_000); // 99 ms at 10/s: not yet a whole token
		assertThat(bucket.tryAcquire()).isFalse();
		this.now.addAndGet(1_000_000);
		assertThat(bucket.tryAcquire()).isTrue();
		assertThat(bucket.tryAcquire()).isFalse();
	}

	@Test
	void refillNeverExceedsTheBurst() {
		TokenBucket bucket = new TokenBucket(10, 2, this.now::get);
		this.now.addAndGet(60_000_000_000L);
		assertThat(bucket.tryAcquire()).isTrue();
		assertThat(bucket.tryAcquire()).isTrue();
		assertThat(bucket.tryAcquire()).isFalse();
	}

	@Test
	void sustainedRateIsTheConfiguredRate() {
		TokenBucket bucket = new TokenBucket(20, 1, this.now::get);
		int accepted = 0;
		for (int ms = 0; ms < 10_000; ms++) { // 10 s, one attempt per ms
			this.now.addAndGet(1_000_000);
			if (bucket.tryAcquire()) {
				accepted++;
			}
		}
		assertThat(accepted).isBetween(199, 201);
	}

}

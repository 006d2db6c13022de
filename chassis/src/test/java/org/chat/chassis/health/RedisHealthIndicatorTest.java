package org.chat.chassis.health;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class RedisHealthIndicatorTest {

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final ReactiveRedisConnectionFactory connections = mock(ReactiveRedisConnectionFactory.class);

	private final ReactiveRedisConnection connection = mock(ReactiveRedisConnection.class);

	@Test
	void aCheckThatTimesOutLetsTheConnectInProgressFinishForTheNextCheck() throws Exception {
		CountDownLatch timedOut = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch connected = new CountDownLatch(1);
		given(this.connections.getReactiveConnection()).willAnswer(invocation -> {
			// a first connect slower than the check's timeout: it ends only once the check has given up
			try {
				timedOut.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				throw ex;
			}
			connected.countDown();
			return this.connection;
		});
		given(this.connection.ping()).willReturn(Mono.just("PONG"));
		given(this.connection.closeLater()).willReturn(Mono.empty());
		RedisHealthIndicator redis = new RedisHealthIndicator(this.connections, TIMEOUT);

		StepVerifier.create(redis.health())
			.assertNext(health -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		timedOut.countDown();

		assertThat(connected.await(5, TimeUnit.SECONDS)).as("the connect finished").isTrue();
		assertThat(interrupted).isFalse();
	}

}

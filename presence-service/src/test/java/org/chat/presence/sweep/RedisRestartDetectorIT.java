package org.chat.presence.sweep;

import java.time.Duration;
import java.time.Instant;

import org.chat.contracts.Channels;
import org.chat.contracts.PresenceKeys;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.support.TestRedis;
import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The boot marker: a Redis without it is marked anew and gets one REANNOUNCE; a healthy Redis none. */
class RedisRestartDetectorIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));

	private final RedisRestartDetector detector = new RedisRestartDetector(this.redis, new GatewayPublisher(this.redis),
			"test-instance", this.clock);

	@BeforeEach
	void clean() {
		TestRedis.get().flush();
	}

	@Test
	void aMissingMarkerIsSetAndReannouncedOnceItReachesSubscribers() {
		ReactiveRedisMessageListenerContainer container = new ReactiveRedisMessageListenerContainer(
				TestRedis.get().connectionFactory());
		try {
			// subscribed before the first check, so the first REANNOUNCE reaches a subscriber
			var messages = container.receiveLater(ChannelTopic.of(Channels.ALL)).block(TIMEOUT);
			StepVerifier.create(messages.map(message -> GatewayMessage.fromJson(message.getMessage()).kind()))
				.then(() -> assertThat(this.detector.check().block(TIMEOUT)).isTrue())
				.expectNext(GatewayMessage.Kind.REANNOUNCE)
				.then(() -> assertThat(this.detector.check().block(TIMEOUT)).isFalse())
				.then(() -> this.redis.delete(PresenceKeys.BOOT_MARKER).block(TIMEOUT))
				.then(() -> assertThat(this.detector.check().block(TIMEOUT)).isTrue())
				.expectNext(GatewayMessage.Kind.REANNOUNCE)
				.thenCancel()
				.verify(TIMEOUT);
		}
		finally {
			container.destroy();
		}
		assertThat(this.redis.hasKey(PresenceKeys.BOOT_MARKER).block(TIMEOUT)).isTrue();
	}

	@Test
	void eachNewMarkerDiffersFromTheLastSoGatewaysThatMissedThePublishNoticeIt() {
		assertThat(this.detector.check().block(TIMEOUT)).isTrue();
		String first = this.redis.opsForValue().get(PresenceKeys.BOOT_MARKER).block(TIMEOUT);
		assertThat(this.detector.check().block(TIMEOUT)).as("published once, not repeated").isFalse();

		this.redis.delete(PresenceKeys.BOOT_MARKER).block(TIMEOUT);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.detector.check().block(TIMEOUT)).isTrue();
		assertThat(this.redis.opsForValue().get(PresenceKeys.BOOT_MARKER).block(TIMEOUT)).startsWith("test-instance ")
			.isNotEqualTo(first);
	}

}

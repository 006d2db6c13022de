package org.chat.presence.warmup;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveRedisCallback;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The presence warm-up runs its in-memory path every round and only PINGs Redis, every tenth round. */
class PresenceWarmUpTest {

	private final ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);

	private final PresenceWarmUp warmUp = new PresenceWarmUp(this.redis);

	@Test
	void roundsDecodeAndEncodeWithoutRedisAndEveryTenthPings() throws Exception {
		given(this.redis.execute(any(ReactiveRedisCallback.class))).willReturn(Flux.just("PONG"));

		for (int i = 0; i < 9; i++) {
			this.warmUp.round();
		}
		verify(this.redis, never()).execute(any(ReactiveRedisCallback.class));
		assertThatCode(this.warmUp::round).doesNotThrowAnyException();
		verify(this.redis, times(1)).execute(any(ReactiveRedisCallback.class));
	}

	@Test
	void aRoundFailsWhenRedisDoesNotAnswerThePing() throws Exception {
		given(this.redis.execute(any(ReactiveRedisCallback.class))).willReturn(Flux.just("LOADING"));
		for (int i = 0; i < 9; i++) {
			this.warmUp.round();
		}

		assertThatThrownBy(this.warmUp::round).hasMessageContaining("LOADING");
	}

}

package org.chat.presence.typing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.chat.presence.support.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing deadlines against a real redis-server, with explicit times instead of waiting. */
class TypingDeadlinesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TypingDeadlines deadlines = new TypingDeadlines(TestRedis.get().template(), Duration.ofSeconds(5));

	@BeforeEach
	void clean() {
		TestRedis.get().flush();
	}

	@Test
	void anUnrenewedTypingExpiresAfterTheTimeoutExactlyOnce() {
		this.deadlines.renew("alice", "bob", 1_000).block(TIMEOUT);
		assertThat(pop(5_999)).isEmpty();
		assertThat(pop(6_000)).containsExactly("alice bob");
		assertThat(pop(60_000)).isEmpty();
	}

	@Test
	void aRenewalPushesTheDeadline() {
		this.deadlines.renew("alice", "bob", 1_000).block(TIMEOUT);
		this.deadlines.renew("alice", "bob", 4_000).block(TIMEOUT);
		assertThat(pop(6_000)).isEmpty();
		assertThat(pop(9_000)).containsExactly("alice bob");
	}

	@Test
	void stoppingClearsTheDeadline() {
		this.deadlines.renew("alice", "bob", 1_000).block(TIMEOUT);
		assertThat(this.deadlines.clear("alice", "bob").block(TIMEOUT)).isEqualTo(1L);
		assertThat(pop(60_000)).isEmpty();
	}

	@Test
	void concurrentPollersReportEachExpiryOnce() {
		for (int i = 0; i < 300; i++) {
			this.deadlines.renew("user" + i, "bob", 1_000).block(TIMEOUT);
		}
		List<String> popped = Collections.synchronizedList(new ArrayList<>());
		Flux.range(0, 8)
			.flatMap(poller -> this.deadlines.popExpired(10_000).map(pair -> pair[0] + " " + pair[1]))
			.doOnNext(popped::add)
			.blockLast(TIMEOUT);
		assertThat(popped).hasSize(300).doesNotHaveDuplicates();
	}

	private List<String> pop(long now) {
		return this.deadlines.popExpired(now).map(pair -> pair[0] + " " + pair[1]).collectList().block(TIMEOUT);
	}

}

package org.chat.loadtest.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinalSyncRoundsTest {

	/** Client name → syncs it needs until nothing it was sent is missing. */
	private final Map<String, Integer> needed = new ConcurrentHashMap<>(Map.of("a", 1, "b", 3, "c", 0));

	private final Map<String, Integer> synced = new ConcurrentHashMap<>();

	private List<String> missing() {
		return this.needed.keySet().stream().filter(c -> this.synced.getOrDefault(c, 0) < this.needed.get(c)).sorted().toList();
	}

	private CompletableFuture<Void> syncAtOnce(String client) {
		this.synced.merge(client, 1, Integer::sum);
		return CompletableFuture.completedFuture(null);
	}

	@Test
	void syncsTheFirstListThenOnlyWhoeverStillMisses() throws InterruptedException {
		FinalSyncRounds<String> rounds = new FinalSyncRounds<>(this::missing, this::syncAtOnce, Duration.ofSeconds(5),
				Duration.ofSeconds(1), Duration.ZERO);

		FinalSyncRounds.Outcome outcome = rounds.run(List.of("a", "b", "c"));

		assertThat(outcome).isEqualTo(new FinalSyncRounds.Outcome(3, 0));
		assertThat(this.synced).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 3, "c", 1));
	}

	@Test
	void noRoundWhenNobodyMisses() throws InterruptedException {
		FinalSyncRounds<String> rounds = new FinalSyncRounds<>(List::of, this::syncAtOnce, Duration.ofSeconds(5),
				Duration.ofSeconds(1), Duration.ZERO);

		assertThat(rounds.run(List.of())).isEqualTo(new FinalSyncRounds.Outcome(0, 0));
		assertThat(this.synced).isEmpty();
	}

	@Test
	void aRoundThatDoesNotEndIsCountedAndTheRoundsGoOnUntilTheCap() throws InterruptedException {
		// "b" never finishes a sync, "a" fails one: both stay missing, and each round waits 20 ms for them
		FinalSyncRounds<String> rounds = new FinalSyncRounds<>(() -> List.of("a", "b"),
				client -> client.equals("a") ? CompletableFuture.failedFuture(new IllegalStateException("refused"))
						: new CompletableFuture<>(),
				Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ZERO);

		FinalSyncRounds.Outcome outcome = rounds.run(List.of("a", "b"));

		assertThat(outcome.rounds()).isGreaterThan(1);
		assertThat(outcome.unfinished()).isEqualTo(2);
	}

	@Test
	void aRoundIsWaitedForNoLongerThanTheCapLeaves() throws InterruptedException {
		// the storm's setting: a round may take the whole cap, so one that does not end is the last
		FinalSyncRounds<String> rounds = new FinalSyncRounds<>(() -> List.of("b"), client -> new CompletableFuture<>(),
				Duration.ofMillis(200), Duration.ofSeconds(120), Duration.ZERO);

		long start = System.nanoTime();
		FinalSyncRounds.Outcome outcome = rounds.run(List.of("b"));

		assertThat(outcome).isEqualTo(new FinalSyncRounds.Outcome(1, 1));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
	}

}

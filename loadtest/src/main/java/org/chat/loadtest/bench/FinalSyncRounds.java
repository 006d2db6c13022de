package org.chat.loadtest.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * After a run: one more sync for each client still missing a message whose send was acknowledged, round after
 * round, until none is or the cap passed. An ok ack means the broker has the send; a message-service behind its
 * backlog stores it later, and a sync returns it only once it is stored, so a single round right after the drain
 * took "not stored yet" for "lost". Shared by the chat bench's reconnecting clients and the storm's recipients.
 *
 * @param <C> the client type
 */
final class FinalSyncRounds<C> {

	/** The longest the rounds go on after a run (and the chat bench's drain before them). */
	static final long CAP_SECONDS = 120;

	/** How a run of rounds ended: how many ran, and how many syncs of the last one had not ended. */
	record Outcome(int rounds, long unfinished) {
	}

	private final Supplier<List<C>> missing;

	private final Function<C, CompletableFuture<Void>> syncOnce;

	private final Duration cap;

	private final Duration roundWait;

	private final Duration pause;

	/**
	 * @param missing the clients still missing an acknowledged message, asked after each round
	 * @param syncOnce starts one more sync chain of a client, completed when it ends
	 * @param roundWait the longest one round is waited for; a round not over by then is counted and the rounds go on
	 */
	FinalSyncRounds(Supplier<List<C>> missing, Function<C, CompletableFuture<Void>> syncOnce, Duration roundWait) {
		this(missing, syncOnce, Duration.ofSeconds(CAP_SECONDS), roundWait, Duration.ofSeconds(1));
	}

	FinalSyncRounds(Supplier<List<C>> missing, Function<C, CompletableFuture<Void>> syncOnce, Duration cap,
			Duration roundWait, Duration pause) {
		this.missing = missing;
		this.syncOnce = syncOnce;
		this.cap = cap;
		this.roundWait = roundWait;
		this.pause = pause;
	}

	/** Syncs {@code first}, then whoever still misses a message, until none does or the cap passed. */
	Outcome run(List<C> first) throws InterruptedException {
		long deadline = System.nanoTime() + this.cap.toNanos();
		List<C> syncing = first;
		int rounds = 0;
		long unfinished = 0;
		while (!syncing.isEmpty() && System.nanoTime() < deadline) {
			rounds++;
			List<CompletableFuture<Void>> round = syncing.stream().map(this.syncOnce).toList();
			long wait = Math.max(1, Math.min(this.roundWait.toNanos(), deadline - System.nanoTime()));
			try {
				CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(wait, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// counted below: a sync that did not end in time
			}
			unfinished = round.stream().filter(sync -> !sync.isDone() || sync.isCompletedExceptionally()).count();
			syncing = this.missing.get();
			if (!syncing.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(this.pause.toMillis());
			}
		}
		return new Outcome(rounds, unfinished);
	}

}

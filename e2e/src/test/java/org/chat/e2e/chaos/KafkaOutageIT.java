package org.chat.e2e.chaos;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stop the Kafka broker while alice (gw-a) and bob (gw-b) send to each other: sends are refused
 * {@code unavailable} within the gateway's publish bound (max-block 1 s + delivery-timeout 4 s + 1 s), no send
 * hangs, and once the broker is back sends are acknowledged again and every acknowledged one — before, during
 * and after the outage — is delivered or synced, stored once. Needs the embedded infrastructure (its broker runs
 * in the test JVM and restarts on the same port and data); skipped with Testcontainers.
 */
@EndToEnd
class KafkaOutageIT {

	/** The gateway's publish bound (6 s with the defaults) plus slack for a loaded 2-core box. */
	private static final long UNAVAILABLE_WITHIN_MILLIS = 10_000;

	private static final long DOWN_MILLIS = 6_000;

	@Test
	void sendsAreRefusedQuicklyWhileTheBrokerIsDownAndNothingAcknowledgedIsLost(Chat chat) throws Exception {
		TestInfra infra = TestInfra.get();
		assumeTrue(infra.canStopKafka(), "stopping Kafka needs the embedded infrastructure (not Testcontainers)");
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		Traffic toBob = new Traffic(alice, bob.userId(), "kafka-ab");
		Traffic toAlice = new Traffic(bob, alice.userId(), "kafka-ba");
		long stopCalled;
		long stopped;
		long startCalled = 0;
		long started;
		long firstRefusal;
		long firstAckAfter;
		try (toBob; toAlice) {
			toBob.awaitAcked(15, 30_000);
			toAlice.awaitAcked(15, 30_000);
			stopCalled = System.nanoTime();
			try {
				infra.stopKafka();
				stopped = System.nanoTime();
				firstRefusal = Math.min(toBob.awaitAnsweredAfter(stopped, false, 30_000).answeredAt(),
						toAlice.awaitAnsweredAfter(stopped, false, 30_000).answeredAt());
				Thread.sleep(Math.max(0, DOWN_MILLIS - (System.nanoTime() - stopped) / 1_000_000));
			}
			finally {
				startCalled = System.nanoTime();
				infra.startKafka();
				started = System.nanoTime();
			}
			firstAckAfter = Math.max(toBob.awaitAnsweredAfter(started, true, 60_000).answeredAt(),
					toAlice.awaitAnsweredAfter(started, true, 60_000).answeredAt());
			toBob.awaitAcked(toBob.ackedCount() + 10, 30_000);
			toAlice.awaitAcked(toAlice.ackedCount() + 10, 30_000);
		}
		long downFrom = stopped;
		long downTo = startCalled;
		long acksDuringStop = java.util.stream.Stream.of(toBob, toAlice)
			.flatMap(t -> t.outcomes().stream())
			.filter(o -> o.acked() && o.answeredAt() > downFrom && o.answeredAt() < downTo)
			.count();
		Delivery ab = Delivery.settled(toBob, bob);
		Delivery ba = Delivery.settled(toAlice, alice);
		System.out.printf("[chaos] Kafka stop: stop took %d ms, stop returned → first unavailable %d ms, down %d ms, "
				+ "start took %d ms, started → both senders acked again %d ms, max ack latency %d / %d ms, acked while "
				+ "stopped %d%n[chaos]   %s%n[chaos]   %s%n", ms(stopped - stopCalled), ms(firstRefusal - stopped),
				ms(started - stopped), ms(started - startCalled), ms(firstAckAfter - started),
				toBob.maxLatencyMillis(), toAlice.maxLatencyMillis(), acksDuringStop, ab, ba);

		assertThat(ms(firstRefusal - stopped)).as("stopped → first unavailable (ms)").isLessThan(UNAVAILABLE_WITHIN_MILLIS);
		assertThat(Math.max(toBob.maxLatencyMillis(), toAlice.maxLatencyMillis())).as("slowest answer (ms): no hang")
			.isLessThan(UNAVAILABLE_WITHIN_MILLIS);
		assertThat(ab.refused()).as("refusals are unavailable, never a missing ack").containsOnly("unavailable");
		assertThat(ba.refused()).as("refusals are unavailable, never a missing ack").containsOnly("unavailable");
		ab.assertNothingLostOrStoredTwice();
		ba.assertNothingLostOrStoredTwice();
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}

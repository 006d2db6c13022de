package org.chat.e2e.chaos;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restart Redis with its data lost while alice (gw-a) and bob (gw-b) send to each other. The presence-service
 * finds its boot marker gone and asks the gateways to re-announce their sessions: both are online again within
 * {@link #REBUILT_WITHIN_MILLIS}, and fan-out resumes — every message sent once presence is rebuilt reaches its
 * recipient live. Messages acknowledged while presence was empty are stored and come with the sync: 0 lost.
 */
@EndToEnd
class RedisDataLossIT {

	/** Boot-marker check every 2 s, re-announce, presence events back through Kafka; slack for a loaded box. */
	static final long REBUILT_WITHIN_MILLIS = 20_000;

	@Test
	void presenceIsRebuiltFromTheGatewaysAndFanOutResumes(Chat chat) throws Exception {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		Traffic toBob = new Traffic(alice, bob.userId(), "redis-ab");
		Traffic toAlice = new Traffic(bob, alice.userId(), "redis-ba");
		int listsBefore;
		long restartCalled;
		long restarted;
		long rebuiltAt;
		try (toBob; toAlice) {
			toBob.awaitAcked(15, 30_000);
			toAlice.awaitAcked(15, 30_000);
			listsBefore = Presence.seen(alice);
			restartCalled = System.nanoTime();
			TestInfra.get().restartRedis(true);
			restarted = System.nanoTime();
			rebuiltAt = Presence.awaitListed(alice, listsBefore, REBUILT_WITHIN_MILLIS + 10_000,
					list -> Chat.listed(list, alice.userId()) && Chat.listed(list, bob.userId()));
			toBob.awaitAcked(toBob.ackedCount() + 20, 30_000);
			toAlice.awaitAcked(toAlice.ackedCount() + 20, 30_000);
		}
		// sent after presence was rebuilt (plus a second for the last session events in flight): delivered live
		long liveFrom = rebuiltAt + 1_000_000_000L;
		Set<String> bobLiveExpected = sentAfter(toBob, liveFrom);
		Set<String> aliceLiveExpected = sentAfter(toAlice, liveFrom);
		Set<String> bobMissedLive = awaitLive(bob, bobLiveExpected);
		Set<String> aliceMissedLive = awaitLive(alice, aliceLiveExpected);
		Delivery ab = Delivery.settled(toBob, bob);
		Delivery ba = Delivery.settled(toAlice, alice);
		long emptyLists = alice.received(ClientEvents.USER_LIST).stream().skip(listsBefore)
			.filter(list -> !Chat.listed(list, bob.userId()))
			.count();
		System.out.printf("[chaos] Redis restart with data loss: restart took %d ms, restarted → both online again "
				+ "%d ms (user_lists without bob meanwhile: %d), sent after that and not live: %d of %d / %d of %d%n"
				+ "[chaos]   %s%n[chaos]   %s%n", ms(restarted - restartCalled), ms(rebuiltAt - restarted), emptyLists,
				bobMissedLive.size(), bobLiveExpected.size(),
				aliceMissedLive.size(), aliceLiveExpected.size(), ab, ba);

		assertThat(ms(rebuiltAt - restarted)).as("restarted → presence rebuilt (ms)").isLessThan(REBUILT_WITHIN_MILLIS);
		assertThat(bobLiveExpected).as("sends after the rebuild to bob").isNotEmpty();
		assertThat(bobMissedLive).as("sent to bob after the rebuild, not received live").isEmpty();
		assertThat(aliceMissedLive).as("sent to alice after the rebuild, not received live").isEmpty();
		ab.assertNothingLostOrStoredTwice();
		ba.assertNothingLostOrStoredTwice();
	}

	private static Set<String> sentAfter(Traffic traffic, long since) {
		return traffic.outcomes().stream()
			.filter(o -> o.acked() && o.sentAt() > since)
			.map(Traffic.Outcome::messageId)
			.collect(Collectors.toSet());
	}

	/** Waits up to 15 s for {@code expected} message ids to arrive live; returns those that did not. */
	private static Set<String> awaitLive(JsClient recipient, Set<String> expected) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 15_000;
		while (true) {
			List<String> live = Sync.ids(recipient.received(ClientEvents.RECEIVE_PRIVATE_MESSAGE));
			Set<String> missing = expected.stream().filter(id -> !live.contains(id)).collect(Collectors.toSet());
			if (missing.isEmpty() || System.currentTimeMillis() > deadline) {
				return missing;
			}
			Thread.sleep(100);
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}

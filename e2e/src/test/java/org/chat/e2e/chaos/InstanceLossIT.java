package org.chat.e2e.chaos;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled topology loses one instance of every service at once, SIGKILLed and not restarted — gateway-c,
 * message-service-2, presence-service-2 — while messages flow: the survivors take over the dead instances' Kafka
 * partitions once the group notices (the consumers' 10 s session timeout, then a rebalance), bob reconnects from the
 * dead gateway to a live one and syncs, new users show up in {@code user_list}. 0 acknowledged lost; the takeover
 * times are printed. The killed instances are started again afterwards, for the scenarios that follow.
 */
@EndToEnd
class InstanceLossIT {

	/** Session timeout (10 s) + rebalance + the backlog, with slack for a loaded 2-core box. */
	private static final long TAKEOVER_WITHIN_MILLIS = 45_000;

	@Test
	void survivorsTakeOverAndNothingAcknowledgedIsLost(Chat chat) throws Exception {
		List<String> killed = List.of(Stack.gateway(2), Stack.messageService(2), Stack.presenceService(2));
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bobOnC = chat.online(Chat.user("bob"), chat.gateway(Stack.gateway(2)));
		JsClient carol = chat.online(Chat.user("carol"), chat.b());
		JsClient dave = chat.online(Chat.user("dave"), chat.a());
		try (Traffic toBob = new Traffic(alice, bobOnC.userId(), "loss-ab"); Traffic toDave = new Traffic(carol, dave.userId(), "loss-cd")) {
			toBob.awaitAcked(15, 30_000);
			toDave.awaitAcked(15, 30_000);
			int listsBefore = Presence.seen(dave);

			long killedAt = System.nanoTime();
			killed.parallelStream().forEach(chat.stack()::kill);

			// bob's gateway is gone: he reconnects through a live one, as behind a load balancer
			JsClient bobOnB = chat.online(bobOnC.userId(), chat.b());
			long bobBackAt = System.nanoTime();
			// users arriving after the crash: their presence events land on every partition, the dead instance's too
			List<JsClient> newcomers = List.of(chat.online(Chat.user("erin"), chat.a()),
					chat.online(Chat.user("frank"), chat.b()), chat.online(Chat.user("grace"), chat.a()));
			long listedAt = Presence.awaitListed(dave, listsBefore, TAKEOVER_WITHIN_MILLIS + 15_000,
					list -> newcomers.stream().allMatch(n -> Chat.listed(list, n.userId())) && Chat.listed(list, bobOnB.userId()));
			toDave.awaitAcked(toDave.ackedCount() + 20, 60_000);
			toBob.awaitAcked(toBob.ackedCount() + 20, 60_000);
			// what was sent to dave (his gateway lives) after the kill arrives live once the partitions moved
			long allLiveAt = Live.awaitAckedAfter(killedAt, toDave, dave, TAKEOVER_WITHIN_MILLIS + 15_000);
			toBob.close();
			toDave.close();

			Delivery ab = Delivery.settled(toBob, bobOnC, bobOnB);
			Delivery cd = Delivery.settled(toDave, dave);
			System.out.printf("[chaos] one instance of each service SIGKILLed, not restarted (%s): bob reconnected "
					+ "and registered on gw-b %d ms after the kill; kill → 3 new users and bob in user_list %d ms; kill → "
					+ "every message sent to dave after the kill and acked so far received live %s ms%n[chaos]   %s%n[chaos]   %s%n", killed,
					ms(bobBackAt - killedAt), ms(listedAt - killedAt), allLiveAt < 0 ? "never" : ms(allLiveAt - killedAt),
					ab, cd);

			assertThat(ms(listedAt - killedAt)).as("kill → presence taken over (ms)").isLessThan(TAKEOVER_WITHIN_MILLIS);
			assertThat(allLiveAt).as("every message sent to dave after the kill arrived live").isPositive();
			assertThat(ms(allLiveAt - killedAt)).as("kill → messages taken over (ms)").isLessThan(TAKEOVER_WITHIN_MILLIS);
			ab.assertNothingLostOrStoredTwice();
			cd.assertNothingLostOrStoredTwice();
		}
		finally {
			long restart = System.nanoTime();
			CompletableFuture.allOf(killed.stream()
				.map(name -> CompletableFuture.runAsync(() -> chat.stack().start(name)))
				.toArray(CompletableFuture[]::new)).join();
			System.out.printf("[chaos] %s started again, ready in %d ms%n", killed, ms(System.nanoTime() - restart));
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}

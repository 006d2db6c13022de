package org.chat.e2e.chaos;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL the presence-service while alice (gw-a) sends to bob (gw-b); while it is down carol registers and dave
 * leaves. After the restart, presence converges: a {@code user_list} shows alice, bob and carol online and dave
 * gone, within {@link #CONVERGED_WITHIN_MILLIS} of the restarted service being ready (it replays the presence
 * events it missed from Kafka; the state itself is in Redis). Messaging does not depend on it: nothing is lost.
 */
@EndToEnd
class PresenceRestartIT {

	/** Bound on ready → converged user_list: the missed presence events are a short Kafka backlog. */
	static final long CONVERGED_WITHIN_MILLIS = 20_000;

	@Test
	void presenceConvergesAfterARestartAndNoMessageIsLost(Chat chat) throws Exception {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		JsClient dave = chat.online(Chat.user("dave"), chat.a());
		String carolId = Chat.user("carol");
		long killedAt;
		long readyAt;
		long convergedAt;
		Traffic toBob = new Traffic(alice, bob.userId(), "presence-ab");
		try (toBob) {
			toBob.awaitAcked(10, 30_000);
			int listsBefore = Presence.seen(alice);
			chat.stack().kill(Stack.presenceService(1));
			killedAt = System.nanoTime();
			JsClient carol = chat.connect(carolId, chat.b());
			carol.ack(ClientEvents.REGISTER_USER, Chat.profile(carolId));
			dave.disconnect();
			chat.stack().restart(Stack.presenceService(1));
			readyAt = System.nanoTime();
			convergedAt = Presence.awaitListed(alice, listsBefore, CONVERGED_WITHIN_MILLIS + 10_000,
					list -> Chat.listed(list, alice.userId()) && Chat.listed(list, bob.userId())
							&& Chat.listed(list, carolId) && !Chat.listed(list, dave.userId()));
			toBob.awaitAcked(toBob.ackedCount() + 10, 30_000);
		}
		Delivery ab = Delivery.settled(toBob, bob);
		System.out.printf("[chaos] presence-service SIGKILL: kill → ready %d ms, ready → user_list converged %d ms "
				+ "(kill → converged %d ms)%n[chaos]   %s%n", ms(readyAt - killedAt), ms(convergedAt - readyAt),
				ms(convergedAt - killedAt), ab);

		assertThat(ms(convergedAt - readyAt)).as("ready → converged (ms)").isLessThan(CONVERGED_WITHIN_MILLIS);
		ab.assertNothingLostOrStoredTwice();
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}

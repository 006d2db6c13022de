package org.chat.e2e.chaos;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chat.contracts.client.ClientEvents;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL the gateway that holds the recipient while messages flow to him through the other gateway: he
 * reconnects to the surviving gateway and syncs, and every acknowledged message reaches him (live or by sync),
 * none twice in the sync. The killed gateway is restarted afterwards for the next scenarios.
 */
@EndToEnd
class GatewayCrashIT {

	@Test
	void theRecipientsGatewayDiesAndSyncRecoversEveryAckedMessage(Chat chat) throws Exception {
		String bobId = Chat.user("bob");
		JsClient bobOnA = chat.online(bobId, chat.a());
		JsClient aliceOnB = chat.online(Chat.user("alice"), chat.b());
		long killedAt;
		int ackedBeforeKill;
		try (Traffic traffic = new Traffic(aliceOnB, bobId, "gwkill")) {
			traffic.awaitAcked(20, 30_000);
			ackedBeforeKill = traffic.ackedCount();
			killedAt = System.nanoTime();
			chat.stack().kill(Stack.gateway(0));
			traffic.awaitAcked(ackedBeforeKill + 20, 30_000);
			traffic.close();

			bobOnA.disconnect();
			JsClient bobOnB = chat.online(bobId, chat.b());
			List<JsonNode> synced = Sync.all(null, bobOnB);
			long recoveredMillis = (System.nanoTime() - killedAt) / 1_000_000;

			// the guarantee: syncing again while a consumer still works off a backlog (a group that just
			// rebalanced, e.g. after the scale-in of an earlier scenario), as a client would
			Delivery delivery = Delivery.settled(traffic, bobOnA, bobOnB);
			System.out.printf("[chaos] gateway SIGKILL: acked %d (%d before the kill), refused %s, live on the killed "
					+ "gateway %d, first sync after the reconnect %d messages (%d duplicates) kill→synced %d ms; %s%n",
					traffic.ackedCount(), ackedBeforeKill, traffic.refused(),
					bobOnA.received(ClientEvents.RECEIVE_PRIVATE_MESSAGE).size(), synced.size(),
					synced.size() - new HashSet<>(Sync.ids(synced)).size(), recoveredMillis, delivery);
			delivery.assertNothingLostOrStoredTwice();
			assertThat(Sync.ids(synced)).as("sync pages").doesNotHaveDuplicates();
			assertThat(traffic.refused()).as("the sender's gateway kept acking").isEmpty();
		}
		finally {
			long restart = System.nanoTime();
			chat.stack().restart(Stack.gateway(0));
			System.out.printf("[chaos] gateway restart → ready in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
		}
	}

}

package org.chat.e2e.chaos;

import java.util.List;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out under traffic, as an HPA does it: a third message-service joins the consumer group while two senders
 * keep sending; partitions move to it mid-stream. Every acknowledged message arrives, none stored twice, and each
 * conversation keeps one order: the recipient's sync lists the messages in the order their sends were acknowledged
 * (each sender waits for an ack before the next send, so that is the order it sent them in). The added instance is
 * stopped gracefully afterwards (a scale-in), restoring the topology for the scenarios that follow.
 */
@EndToEnd
class ScaleOutIT {

	@Test
	void aThirdMessageServiceJoinsUnderTrafficAndOrderIsKept(Chat chat) throws Exception {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		JsClient carol = chat.online(Chat.user("carol"), chat.b());
		JsClient dave = chat.online(Chat.user("dave"), chat.gateway(Stack.gateway(2)));
		String added = null;
		long readyMillis;
		try (Traffic toBob = new Traffic(alice, bob.userId(), "scale-ab");
				Traffic toDave = new Traffic(carol, dave.userId(), "scale-cd")) {
			toBob.awaitAcked(15, 30_000);
			toDave.awaitAcked(15, 30_000);
			long start = System.nanoTime();
			added = chat.stack().addMessageService();
			readyMillis = (System.nanoTime() - start) / 1_000_000;
			// the join's rebalance happens around readiness; keep sending through it and after
			toBob.awaitAcked(toBob.ackedCount() + 30, 60_000);
			toDave.awaitAcked(toDave.ackedCount() + 30, 60_000);
			toBob.close();
			toDave.close();

			Delivery ab = Delivery.settled(toBob, bob);
			Delivery cd = Delivery.settled(toDave, dave);
			List<String> bobOrder = storedOrder(bob, toBob);
			List<String> daveOrder = storedOrder(dave, toDave);
			System.out.printf("[chaos] scale-out: %s started and ready in %d ms under traffic, max ack latency %d / %d ms"
					+ "%n[chaos]   %s%n[chaos]   %s%n", added, readyMillis, toBob.maxLatencyMillis(), toDave.maxLatencyMillis(),
					ab, cd);

			ab.assertNothingLostOrStoredTwice();
			cd.assertNothingLostOrStoredTwice();
			assertThat(bobOrder).as("alice → bob, stored order").containsExactlyElementsOf(toBob.acked().values());
			assertThat(daveOrder).as("carol → dave, stored order").containsExactlyElementsOf(toDave.acked().values());
		}
		finally {
			if (added != null) {
				chat.stack().stop(added);
			}
		}
	}

	/** The message ids of {@code traffic} in the order the recipient's sync lists them (the conversation's order). */
	private static List<String> storedOrder(JsClient recipient, Traffic traffic) {
		List<JsonNode> synced = Sync.all(null, recipient).stream()
			.filter(m -> m.path("clientMessageId").asString().startsWith(traffic.prefix() + "-"))
			.toList();
		return Sync.ids(synced);
	}

}

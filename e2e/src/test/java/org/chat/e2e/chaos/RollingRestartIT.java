package org.chat.e2e.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kubectl rollout restart} of the whole scaled topology under traffic: every process, one at a time, gets
 * SIGTERM (a graceful shutdown), is started again and must be ready before the next one goes. Three senders, one per
 * gateway, each to a recipient on the next gateway. When a gateway goes, only its own clients are disconnected; they
 * reconnect through another gateway (as behind a load balancer) and carry on. 0 acknowledged lost, none stored twice,
 * and no step disconnects more clients than the one gateway it restarts holds.
 */
@EndToEnd
class RollingRestartIT {

	private record Pair(Traffic traffic, List<JsClient> recipientSockets) {
	}

	@Test
	void everyProcessRestartedOneAtATimeUnderTraffic(Chat chat) throws Exception {
		Stack stack = chat.stack();
		List<String> gateways = stack.running("gateway-");
		// who is on which gateway, to move them when it goes
		Map<String, List<JsClient>> onGateway = new LinkedHashMap<>();
		gateways.forEach(g -> onGateway.put(g, new ArrayList<>()));
		Map<String, Traffic> trafficOfSender = new HashMap<>();
		Map<String, Pair> pairOfRecipient = new HashMap<>();
		List<Pair> pairs = new ArrayList<>();
		for (int i = 0; i < gateways.size(); i++) {
			String senderGateway = gateways.get(i);
			String recipientGateway = gateways.get((i + 1) % gateways.size());
			JsClient sender = chat.online(Chat.user("roll-s" + i), chat.gateway(senderGateway));
			JsClient recipient = chat.online(Chat.user("roll-r" + i), chat.gateway(recipientGateway));
			Pair pair = new Pair(new Traffic(sender, recipient.userId(), "roll" + i), new ArrayList<>(List.of(recipient)));
			pairs.add(pair);
			onGateway.get(senderGateway).add(sender);
			onGateway.get(recipientGateway).add(recipient);
			trafficOfSender.put(sender.userId(), pair.traffic());
			pairOfRecipient.put(recipient.userId(), pair);
		}
		List<String> order = new ArrayList<>(stack.running("message-service-"));
		order.addAll(stack.running("presence-service-"));
		order.addAll(gateways);
		List<String> steps = new ArrayList<>();
		long began = System.nanoTime();
		try {
			for (Pair pair : pairs) {
				pair.traffic().awaitAcked(10, 30_000);
			}
			for (String process : order) {
				List<JsClient> everyone = onGateway.values().stream().flatMap(List::stream).toList();
				Map<JsClient, Integer> disconnectsBefore = new HashMap<>();
				everyone.forEach(c -> disconnectsBefore.put(c, c.received("disconnect").size()));
				int held = onGateway.containsKey(process) ? onGateway.get(process).size() : 0;
				long stepStart = System.nanoTime();
				CompletableFuture<Void> roll = CompletableFuture.runAsync(() -> stack.roll(process));
				if (onGateway.containsKey(process)) {
					moveClients(chat, process, onGateway, trafficOfSender, pairOfRecipient);
				}
				roll.join();
				long disconnected = everyone.stream().filter(c -> c.received("disconnect").size() > disconnectsBefore.get(c)).count();
				for (Pair pair : pairs) {
					pair.traffic().awaitAcked(pair.traffic().ackedCount() + 5, 60_000);
				}
				steps.add(String.format("%s %d ms (%d disconnected)", process, ms(System.nanoTime() - stepStart), disconnected));
				assertThat(disconnected).as("clients disconnected while %s restarted", process).isLessThanOrEqualTo(held);
			}
		}
		finally {
			for (Pair pair : pairs) {
				pair.traffic().close();
			}
		}
		List<Delivery> deliveries = new ArrayList<>();
		for (Pair pair : pairs) {
			deliveries.add(Delivery.settled(pair.traffic(), pair.recipientSockets().toArray(JsClient[]::new)));
		}
		System.out.printf("[chaos] rolling restart of %d processes in %d ms: %s%n", order.size(),
				ms(System.nanoTime() - began), steps);
		deliveries.forEach(d -> System.out.printf("[chaos]   %s%n", d));
		deliveries.forEach(Delivery::assertNothingLostOrStoredTwice);
	}

	/** The gateway is going: each of its clients sees its socket close and reconnects through the next gateway. */
	private static void moveClients(Chat chat, String gateway, Map<String, List<JsClient>> onGateway,
			Map<String, Traffic> trafficOfSender, Map<String, Pair> pairOfRecipient) {
		List<String> gateways = new ArrayList<>(onGateway.keySet());
		String next = gateways.get((gateways.indexOf(gateway) + 1) % gateways.size());
		URI target = chat.gateway(next);
		for (JsClient client : List.copyOf(onGateway.get(gateway))) {
			client.await("disconnect", any -> true, Duration.ofSeconds(60));
			JsClient reconnected = chat.online(client.userId(), target);
			onGateway.get(gateway).remove(client);
			onGateway.get(next).add(reconnected);
			Traffic traffic = trafficOfSender.get(client.userId());
			if (traffic != null) {
				traffic.switchSender(reconnected);
			}
			Pair pair = pairOfRecipient.get(client.userId());
			if (pair != null) {
				pair.recipientSockets().add(reconnected);
			}
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}

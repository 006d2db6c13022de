package org.chat.message.send;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.RawJson;
import org.chat.message.fanout.ClientPayloads.UnreadCountUpdate;
import org.chat.message.fanout.Fanout;
import org.chat.message.fanout.FanoutBatch;
import org.chat.message.fanout.Routes;
import org.chat.message.store.StoredMessage;
import org.chat.message.store.UnreadCounter;
import org.chat.message.store.UnreadStore;
import reactor.core.publisher.Mono;

/**
 * For each counted send: {@code receive_private_message} (with a delivery receipt) and
 * {@code unread_count_update} to the recipient's sessions, {@code receive_private_message} to the sender's
 * other sessions. One routing lookup for the batch, the batch's counters read beside it; one publish per
 * gateway carries all of the batch's messages for it.
 */
public class SendFanout {

	private final Fanout fanout;

	private final UnreadStore unread;

	public SendFanout(Fanout fanout, UnreadStore unread) {
		this.fanout = fanout;
		this.unread = unread;
	}

	/** @param sends counted sends in batch order (the counters already include them) */
	public Mono<Void> publish(List<PendingSend> sends) {
		if (sends.isEmpty()) {
			return Mono.empty();
		}
		List<String> users = sends.stream()
			.flatMap(s -> Stream.of(s.message().recipient(), s.message().sender()))
			.distinct()
			.toList();
		List<String> pairs = sends.stream().map(UnreadCounting::pairId).distinct().toList();
		// the counters are read beside the routing lookup, not after it: one round trip less per batch, for
		// reading the counters of the (few) offline recipients too
		return Mono.zip(this.fanout.routes(users), this.unread.find(pairs)).flatMap(found -> {
			Routes routes = found.getT1();
			Map<PendingSend, Long> counts = runningCounts(sends, found.getT2());
			// one publish per gateway for the whole batch, its messages in batch order: so every gateway sees
			// each conversation in order
			FanoutBatch batch = new FanoutBatch();
			sends.stream()
				.filter(s -> !routes.gatewaysOf(s.message().recipient()).isEmpty()
						|| !routes.gatewaysOf(s.message().sender()).isEmpty())
				.forEach(send -> add(batch, routes, send, counts.getOrDefault(send, 0L)));
			return this.fanout.publish(batch);
		});
	}

	/** The counter right after each send: the final value minus the sends of its pair that follow it. */
	private static Map<PendingSend, Long> runningCounts(List<PendingSend> sends, Map<String, UnreadCounter> counters) {
		Map<String, List<PendingSend>> byPair = sends.stream()
			.collect(Collectors.groupingBy(UnreadCounting::pairId));
		// by identity: a PendingSend's own hashCode walks its whole record, envelope and payload tree included
		Map<PendingSend, Long> counts = new IdentityHashMap<>();
		byPair.forEach((pair, pairSends) -> {
			UnreadCounter counter = counters.get(pair);
			if (counter != null) {
				for (int i = 0; i < pairSends.size(); i++) {
					counts.put(pairSends.get(i), Math.max(0, counter.count() - (pairSends.size() - 1 - i)));
				}
			}
		});
		return counts;
	}

	private static void add(FanoutBatch batch, Routes routes, PendingSend send, long unreadCount) {
		StoredMessage m = send.message();
		String sessionId = send.record().envelope().sessionId();
		// the view is serialized once and its characters reused by the recipient's and the sender's copy
		RawJson view = RawJson.of(m.view());
		GatewayMessage toRecipient = GatewayMessage
			.toUsers(List.of(m.recipient()), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
			.withReceipt(new DeliveryReceipt(m.id(), m.sender()));
		GatewayMessage count = GatewayMessage.toUsers(List.of(m.recipient()), ClientEvents.UNREAD_COUNT_UPDATE,
				RawJson.of(new UnreadCountUpdate(m.sender(), unreadCount)));
		GatewayMessage toSender = GatewayMessage.toUsers(List.of(m.sender()), ClientEvents.RECEIVE_PRIVATE_MESSAGE,
				view);
		if (sessionId != null) {
			toSender = toSender.except(List.of(sessionId));
		}
		batch.toUser(routes, m.recipient(), toRecipient)
			.toUser(routes, m.recipient(), count)
			.toUser(routes, m.sender(), toSender);
	}

}

package org.chat.message.send;

import java.util.List;
import java.util.stream.Stream;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.MessageView;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.message.fanout.ClientPayloads.UnreadCountUpdate;
import org.chat.message.fanout.Fanout;
import org.chat.message.fanout.Routes;
import org.chat.message.store.StoredMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For each counted send: {@code receive_private_message} (with a delivery receipt) and
 * {@code unread_count_update} to the recipient's sessions, {@code receive_private_message} to the sender's
 * other sessions. One routing lookup for the whole batch.
 */
public class SendFanout {

	private static final int PUBLISH_CONCURRENCY = 32;

	private final Fanout fanout;

	public SendFanout(Fanout fanout) {
		this.fanout = fanout;
	}

	public Mono<Void> publish(List<CountedSend> sends) {
		if (sends.isEmpty()) {
			return Mono.empty();
		}
		List<String> users = sends.stream()
			.flatMap(s -> Stream.of(s.send().message().recipient(), s.send().message().sender()))
			.distinct()
			.toList();
		return this.fanout.routes(users).flatMap(routes -> Flux.fromIterable(sends)
			// inner publishes are subscribed in batch order, so one gateway sees a conversation in order
			.flatMap(send -> publish(routes, send), PUBLISH_CONCURRENCY)
			.then());
	}

	private Mono<Void> publish(Routes routes, CountedSend counted) {
		StoredMessage m = counted.send().message();
		MessageView view = m.view();
		String sessionId = counted.send().record().envelope().sessionId();
		GatewayMessage toRecipient = GatewayMessage
			.toUsers(List.of(m.recipient()), ClientEvents.RECEIVE_PRIVATE_MESSAGE, view)
			.withReceipt(new DeliveryReceipt(m.id(), m.sender()));
		GatewayMessage count = GatewayMessage.toUsers(List.of(m.recipient()), ClientEvents.UNREAD_COUNT_UPDATE,
				new UnreadCountUpdate(m.sender(), counted.unreadCount()));
		GatewayMessage toSender = GatewayMessage.toUsers(List.of(m.sender()), ClientEvents.RECEIVE_PRIVATE_MESSAGE,
				view);
		if (sessionId != null) {
			toSender = toSender.except(List.of(sessionId));
		}
		return this.fanout.toUser(routes, m.recipient(), toRecipient)
			.then(this.fanout.toUser(routes, m.recipient(), count))
			.then(this.fanout.toUser(routes, m.sender(), toSender));
	}

}

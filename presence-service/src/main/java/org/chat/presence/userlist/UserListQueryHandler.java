package org.chat.presence.userlist;

import java.util.Map;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.ContractViolation;
import org.chat.presence.fanout.GatewayPublisher;
import reactor.core.publisher.Mono;

/** request_user_list: the asking session gets user_list and its ack {@code {ok: true, users}}. */
public class UserListQueryHandler {

	private final OnlineUsers onlineUsers;

	private final GatewayPublisher publisher;

	public UserListQueryHandler(OnlineUsers onlineUsers, GatewayPublisher publisher) {
		this.onlineUsers = onlineUsers;
		this.publisher = publisher;
	}

	public Mono<Long> handle(Envelope envelope) {
		if (envelope.sessionId() == null || envelope.gatewayId() == null) {
			throw new ContractViolation(envelope.type() + " needs sessionId and gatewayId to answer");
		}
		return this.onlineUsers.list()
			.flatMap(users -> this.publisher.toGateway(envelope.gatewayId(),
					GatewayMessage.reply(envelope.sessionId(), envelope.eventId(), ClientEvents.USER_LIST, users,
							Map.of("ok", true, "users", users))));
	}

}

package org.chat.presence.typing;

import java.util.List;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.presence.fanout.GatewayPublisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes typing_indicator_private to every gateway holding a session of the recipient. */
public class TypingRouter {

	private final RoutingLookup routing;

	private final GatewayPublisher publisher;

	public TypingRouter(RoutingLookup routing, GatewayPublisher publisher) {
		this.routing = routing;
		this.publisher = publisher;
	}

	public Mono<Void> route(String fromUserId, String toUserId, boolean isTyping) {
		GatewayMessage message = GatewayMessage.toUsers(List.of(toUserId), ClientEvents.TYPING_INDICATOR_PRIVATE,
				new TypingIndicator(fromUserId, isTyping));
		return this.routing.gatewaysOf(List.of(toUserId))
			.flatMapMany(gateways -> Flux.fromIterable(gateways.keySet()))
			.flatMap(gateway -> this.publisher.toGateway(gateway, message))
			.then();
	}

}

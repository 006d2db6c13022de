package org.chat.message.fanout;

import java.util.List;

import org.chat.contracts.fanout.GatewayMessage;
import reactor.core.publisher.Mono;

/** Publishes messages on a gateway's channel, all of them in one publish, in order. */
public interface GatewayPublisher {

	/** @param messages at least one */
	Mono<Void> publish(String gatewayId, List<GatewayMessage> messages);

}

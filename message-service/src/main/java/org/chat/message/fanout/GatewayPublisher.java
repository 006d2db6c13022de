package org.chat.message.fanout;

import org.chat.contracts.fanout.GatewayMessage;
import reactor.core.publisher.Mono;

/** Publishes one message on a gateway's channel. */
public interface GatewayPublisher {

	Mono<Void> publish(String gatewayId, GatewayMessage message);

}

package org.chat.presence.fanout;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.GatewayMessage;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/** Publishes {@link GatewayMessage}s on the Redis fan-out channels (at-most-once, as the contract says). */
public class GatewayPublisher {

	private final ReactiveStringRedisTemplate redis;

	public GatewayPublisher(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	/** @return how many subscribers received it */
	public Mono<Long> toAll(GatewayMessage message) {
		return this.redis.convertAndSend(Channels.ALL, message.toJson());
	}

	public Mono<Long> toGateway(String gatewayId, GatewayMessage message) {
		return this.redis.convertAndSend(Channels.gateway(gatewayId), message.toJson());
	}

}

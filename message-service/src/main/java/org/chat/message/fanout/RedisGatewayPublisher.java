package org.chat.message.fanout;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.GatewayMessage;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/** Redis pub/sub on {@code chat:gw:{gatewayId}}. */
public class RedisGatewayPublisher implements GatewayPublisher {

	private final ReactiveStringRedisTemplate redis;

	public RedisGatewayPublisher(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Void> publish(String gatewayId, GatewayMessage message) {
		return this.redis.convertAndSend(Channels.gateway(gatewayId), message.toJson()).then();
	}

}

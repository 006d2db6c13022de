package org.chat.message.fanout;

import java.util.List;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/** Redis pub/sub on {@code chat:gw:{gatewayId}}: one PUBLISH per call (a {@link GatewayBatch}). */
public class RedisGatewayPublisher implements GatewayPublisher {

	private final ReactiveStringRedisTemplate redis;

	public RedisGatewayPublisher(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Void> publish(String gatewayId, List<GatewayMessage> messages) {
		return Mono.fromCallable(() -> GatewayBatch.toJson(messages))
			.flatMap(payload -> this.redis.convertAndSend(Channels.gateway(gatewayId), payload))
			.then();
	}

}

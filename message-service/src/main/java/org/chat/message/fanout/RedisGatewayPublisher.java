package org.chat.message.fanout;

import java.util.List;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.FanoutChannels;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Redis pub/sub on {@code chat:gw:{gatewayId}}: one publish per call (a {@link GatewayBatch}); SPUBLISH on a
 * Redis Cluster ({@link FanoutChannels}).
 */
public class RedisGatewayPublisher implements GatewayPublisher {

	private final FanoutChannels channels;

	/** Publishes over the template's connection factory (its client's shutdown closes what this opens). */
	public RedisGatewayPublisher(ReactiveStringRedisTemplate redis) {
		this.channels = FanoutChannels.of(redis.getConnectionFactory());
	}

	@Override
	public Mono<Void> publish(String gatewayId, List<GatewayMessage> messages) {
		return Mono.fromCallable(() -> GatewayBatch.toJson(messages))
			.flatMap(payload -> this.channels.publish(Channels.gateway(gatewayId), payload))
			.then();
	}

}

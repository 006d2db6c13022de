package org.chat.presence.fanout;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.FanoutChannels;
import org.chat.contracts.fanout.GatewayMessage;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes {@link GatewayMessage}s on the Redis fan-out channels (at-most-once, as the contract says); sharded
 * on a Redis Cluster ({@link FanoutChannels}).
 */
public class GatewayPublisher {

	private final FanoutChannels channels;

	/** Publishes over the template's connection factory (its client's shutdown closes what this opens). */
	public GatewayPublisher(ReactiveStringRedisTemplate redis) {
		this.channels = FanoutChannels.of(redis.getConnectionFactory());
	}

	/** @return how many subscribers received it */
	public Mono<Long> toAll(GatewayMessage message) {
		return toAll(message.toJson());
	}

	/** @param json a {@link GatewayMessage} already serialized (its size was needed first) */
	public Mono<Long> toAll(String json) {
		return this.channels.publish(Channels.ALL, json);
	}

	public Mono<Long> toGateway(String gatewayId, GatewayMessage message) {
		return this.channels.publish(Channels.gateway(gatewayId), message.toJson());
	}

}

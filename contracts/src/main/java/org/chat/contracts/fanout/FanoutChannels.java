package org.chat.contracts.fanout;

import java.util.List;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Redis pub/sub the fan-out channels ({@link org.chat.contracts.Channels}) travel on, chosen from the
 * topology Spring Boot configured: classic {@code PUBLISH}/{@code SUBSCRIBE} on a single node or a Sentinel-managed
 * master, sharded {@code SPUBLISH}/{@code SSUBSCRIBE} on a Redis Cluster. A classic publish on a Cluster is
 * forwarded to every node over the cluster bus, so its cost grows with the cluster; a sharded one stays on the
 * shard that owns the channel's slot, so gateway channels spread over the shards.
 */
public interface FanoutChannels extends AutoCloseable {

	/** Sharded pub/sub on a Lettuce Cluster connection factory, classic pub/sub otherwise. */
	static FanoutChannels of(ReactiveRedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware()) {
			return new ShardedFanoutChannels(lettuce);
		}
		return new ClassicFanoutChannels(factory);
	}

	/** @return how many subscribers received it (on a Cluster: on the channel's shard) */
	Mono<Long> publish(String channel, String message);

	/**
	 * Subscribes to {@code channels}; the Mono emits the messages once every channel is subscribed, so nothing
	 * published after that is missed. Cancelling the Flux unsubscribes. The Flux errors when the subscription is
	 * lost for good (e.g. a Cluster slot moved away); subscribe again then.
	 */
	Mono<Flux<ChannelMessage>> receiveLater(List<String> channels);

	/** Releases the connections this made (not the factory's). */
	@Override
	void close();

	/** One received message. */
	record ChannelMessage(String channel, String message) {
	}

}

package org.chat.contracts.fanout;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.codec.StringCodec;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code SPUBLISH}/{@code SSUBSCRIBE} on a Redis Cluster (Redis 7). Spring Data Redis has no sharded pub/sub, so
 * this uses the Lettuce cluster client the connection factory built from {@code spring.data.redis.cluster.*}
 * (nodes, credentials, TLS, topology refresh). Lettuce sends each command to the node that owns the channel's
 * slot; a subscription is one SSUBSCRIBE per channel, since one SSUBSCRIBE may not span slots.
 */
final class ShardedFanoutChannels implements FanoutChannels {

	private final LettuceConnectionFactory factory;

	private final Set<StatefulRedisClusterPubSubConnection<String, String>> subscriptions = ConcurrentHashMap.newKeySet();

	private StatefulRedisClusterConnection<String, String> publishing;

	ShardedFanoutChannels(LettuceConnectionFactory factory) {
		this.factory = factory;
	}

	@Override
	public Mono<Long> publish(String channel, String message) {
		return Mono.defer(() -> publishing().reactive().spublish(channel, message));
	}

	@Override
	public Mono<Flux<ChannelMessage>> receiveLater(List<String> channels) {
		// A fresh topology first: a subscription is (re)made at start and after a slot moved away.
		return Mono.fromCompletionStage(() -> client().refreshPartitionsAsync())
			.then(Mono.fromCompletionStage(() -> client().connectPubSubAsync(StringCodec.UTF8)))
			.flatMap(connection -> subscribe(connection, channels));
	}

	private Mono<Flux<ChannelMessage>> subscribe(StatefulRedisClusterPubSubConnection<String, String> connection,
			List<String> channels) {
		this.subscriptions.add(connection);
		Set<String> wanted = Set.copyOf(channels);
		// Unicast buffers what arrives before the caller subscribes; node connections deliver on different
		// threads, hence the lock around emission.
		Sinks.Many<ChannelMessage> sink = Sinks.many().unicast().onBackpressureBuffer();
		connection.addListener(new RedisClusterPubSubAdapter<>() {

			@Override
			public void smessage(RedisClusterNode node, String channel, String message) {
				synchronized (sink) {
					sink.tryEmitNext(new ChannelMessage(channel, message));
				}
			}

			@Override
			public void sunsubscribed(RedisClusterNode node, String channel, long count) {
				// Redis unsubscribes shard channels whose slot moved (resharding, failover): start over.
				if (wanted.contains(channel)) {
					synchronized (sink) {
						sink.tryEmitError(new IllegalStateException("sharded subscription to " + channel + " lost"));
					}
				}
			}

		});
		Flux<ChannelMessage> messages = sink.asFlux().doFinally(signal -> release(connection));
		return Flux.fromIterable(channels)
			.concatMap(channel -> connection.reactive().ssubscribe(channel))
			.then(Mono.just(messages))
			.doOnError(error -> release(connection))
			.doOnCancel(() -> release(connection));
	}

	private void release(StatefulRedisClusterPubSubConnection<String, String> connection) {
		if (this.subscriptions.remove(connection)) {
			connection.closeAsync();
		}
	}

	private synchronized StatefulRedisClusterConnection<String, String> publishing() {
		if (this.publishing == null) {
			RedisClusterClient client = client();
			client.getPartitions(); // loads the topology on first use
			this.publishing = client.connect(StringCodec.UTF8);
		}
		return this.publishing;
	}

	private RedisClusterClient client() {
		if (this.factory.getNativeClient() instanceof RedisClusterClient client) {
			return client;
		}
		throw new IllegalStateException("Redis Cluster configured but the connection factory has no cluster client "
				+ "(is it started?)");
	}

	@Override
	public synchronized void close() {
		this.subscriptions.forEach(this::release);
		if (this.publishing != null) {
			this.publishing.close();
			this.publishing = null;
		}
	}

}

package org.chat.gateway.fanout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chat.contracts.Channels;
import org.chat.contracts.fanout.FanoutChannels;
import org.chat.contracts.fanout.FanoutChannels.ChannelMessage;
import org.chat.testsupport.redis.RedisClusterFixture;
import org.chat.testsupport.redis.RedisSentinelFixture;
import org.chat.testsupport.redis.RedisTopologies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out channels on a real 3-master Redis Cluster (sharded pub/sub) and a real Sentinel setup (classic
 * pub/sub through the master the sentinel names).
 */
class FanoutChannelsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	static Path dir;

	static RedisTopologies redis;

	static RedisClusterFixture cluster;

	static RedisSentinelFixture sentinel;

	@BeforeAll
	static void start() {
		redis = RedisTopologies.start(dir);
		cluster = redis.cluster();
		sentinel = redis.sentinel();
	}

	@AfterAll
	static void stop() {
		redis.close();
	}

	@Test
	void onAClusterAGatewayReceivesWhatIsSpublishedOnItsChannelsWhoseSlotsAreOnOtherNodes() {
		int seed = cluster.ports().get(0);
		// The subscriber knows only the first node, the publisher only the last; the channels' slots are elsewhere.
		String gateway = gatewayServedBy(cluster.ports().get(1));
		String other = gatewayServedBy(cluster.ports().get(2));
		LettuceConnectionFactory subscriberFactory = cluster.connectionFactory(seed);
		LettuceConnectionFactory publisherFactory = cluster.connectionFactory(cluster.ports().get(2));
		try (FanoutChannels subscriber = FanoutChannels.of(subscriberFactory);
				FanoutChannels publisher = FanoutChannels.of(publisherFactory)) {
			List<String> channels = List.of(Channels.gateway(gateway), Channels.gateway(other), Channels.ALL);
			Flux<ChannelMessage> messages = subscriber.receiveLater(channels).block(TIMEOUT);

			// Sharded subscriptions, each on the node that owns the channel's slot; no classic one anywhere.
			for (String channel : channels) {
				int owner = cluster.portServing(channel);
				Map<String, Long> sharded = cluster.onNode(owner, redis -> redis.pubsubShardNumsub(channel));
				Map<String, Long> classic = cluster.onNode(owner, redis -> redis.pubsubNumsub(channel));
				assertThat(sharded).containsEntry(channel, 1L);
				assertThat(classic).containsEntry(channel, 0L);
			}
			assertThat(cluster.portServing(Channels.gateway(gateway))).isNotEqualTo(seed);

			List<ChannelMessage> received = new ArrayList<>();
			messages.take(6).subscribe(received::add);
			for (String channel : channels) {
				assertThat(publisher.publish(channel, "hello " + channel).block(TIMEOUT)).isEqualTo(1L);
				assertThat(publisher.publish(channel, "end").block(TIMEOUT)).isEqualTo(1L);
			}
			awaitSize(received, 6);
			// Each message once (a message relayed both by the node connection and the cluster connection
			// would show up twice before its channel's "end").
			assertThat(received).containsExactlyInAnyOrder(channels.stream()
				.flatMap(c -> List.of(new ChannelMessage(c, "hello " + c), new ChannelMessage(c, "end")).stream())
				.toArray(ChannelMessage[]::new));
		}
		finally {
			subscriberFactory.destroy();
			publisherFactory.destroy();
		}
	}

	@Test
	void throughASentinelClassicPubSubRunsOnTheMaster() {
		LettuceConnectionFactory factory = sentinel.connectionFactory();
		try (FanoutChannels channels = FanoutChannels.of(factory)) {
			String channel = Channels.gateway("gw-sentinel");
			Flux<ChannelMessage> messages = channels.receiveLater(List.of(channel, Channels.ALL)).block(TIMEOUT);
			Map<String, Long> onMaster = sentinel.onNode(sentinel.masterPort(), redis -> redis.pubsubNumsub(channel));
			assertThat(onMaster).containsEntry(channel, 1L);

			List<ChannelMessage> received = new ArrayList<>();
			messages.take(2).subscribe(received::add);
			assertThat(channels.publish(channel, "one").block(TIMEOUT)).isEqualTo(1L);
			assertThat(channels.publish(Channels.ALL, "all").block(TIMEOUT)).isEqualTo(1L);
			awaitSize(received, 2);
			assertThat(received).containsExactly(new ChannelMessage(channel, "one"), new ChannelMessage(Channels.ALL, "all"));
		}
		finally {
			factory.destroy();
		}
	}

	private static String gatewayServedBy(int port) {
		for (int i = 0;; i++) {
			if (cluster.portServing(Channels.gateway("gw-" + i)) == port) {
				return "gw-" + i;
			}
		}
	}

	private static void awaitSize(List<?> list, int size) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (list.size() < size && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(list).hasSize(size);
	}

}

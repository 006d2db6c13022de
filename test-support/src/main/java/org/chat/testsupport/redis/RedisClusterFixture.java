package org.chat.testsupport.redis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.chat.infra.FreePort;
import org.chat.infra.redis.RedisServer;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis Cluster of {@code masters} real redis-server 7 nodes on free ports (no replicas), slots split evenly
 * and joined with CLUSTER ADDSLOTSRANGE / MEET, so no {@code redis-cli} is needed. Use
 * {@link #springProperties()} to point an application at it the way a deployment would.
 */
public final class RedisClusterFixture implements AutoCloseable {

	private final RedisNodes nodes;

	private final List<Integer> ports = new ArrayList<>();

	private final List<Integer> busPorts = new ArrayList<>();

	private RedisClusterFixture(Path dir) {
		this.nodes = new RedisNodes(dir);
	}

	public static RedisClusterFixture start(Path dir, int masters) {
		RedisClusterFixture cluster = new RedisClusterFixture(dir);
		try {
			cluster.form(masters);
			return cluster;
		}
		catch (RuntimeException e) {
			cluster.close();
			throw e;
		}
	}

	private void form(int masters) {
		for (int i = 0; i < masters; i++) {
			// The bus port is chosen too: port + 10000, the default, may be taken or beyond 65535.
			int busPort = FreePort.find();
			RedisServer server = this.nodes.start("cluster-" + i, null, List.of("--cluster-enabled", "yes",
					"--cluster-config-file", "nodes.conf", "--cluster-port", String.valueOf(busPort),
					"--cluster-node-timeout", "5000"));
			this.ports.add(server.port());
			this.busPorts.add(busPort);
		}
		int per = SlotHash.SLOT_COUNT / masters;
		for (int i = 0; i < masters; i++) {
			int from = i * per;
			int to = i == masters - 1 ? SlotHash.SLOT_COUNT - 1 : from + per - 1;
			RedisNodes.on(this.ports.get(i), redis -> redis.clusterAddSlotsRange(Range.create(from, to)));
		}
		for (int i = 1; i < masters; i++) {
			CommandArgs<String, String> meet = new CommandArgs<>(StringCodec.UTF8).add("MEET")
				.add(RedisNodes.HOST)
				.add(this.ports.get(i))
				.add(this.busPorts.get(i));
			// CLUSTER MEET with the bus port (Lettuce's clusterMeet has no such argument).
			RedisNodes.on(this.ports.get(0),
					redis -> redis.dispatch(CommandType.CLUSTER, new StatusOutput<>(StringCodec.UTF8), meet));
		}
		for (int port : this.ports) {
			RedisNodes.await("cluster_state:ok with " + masters + " nodes on port " + port,
					() -> RedisNodes.on(port, redis -> RedisNodes.infoHas("cluster_state:ok")
						.and(RedisNodes.infoHas("cluster_known_nodes:" + masters))
						.test(redis.clusterInfo())));
		}
	}

	/** The master ports, in slot order: node i serves the i-th range of slots. */
	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/** The port of the master serving the slot of {@code key} (a key or a sharded channel name). */
	public int portServing(String key) {
		int per = SlotHash.SLOT_COUNT / this.ports.size();
		return this.ports.get(Math.min(SlotHash.getSlot(key) / per, this.ports.size() - 1));
	}

	/** Runs {@code command} on the node at {@code port} directly (not routed by slot). */
	public <T> T onNode(int port, Function<RedisCommands<String, String>, T> command) {
		return RedisNodes.on(port, command);
	}

	/** {@code host:port,...} of every master, the form of {@code spring.data.redis.cluster.nodes}. */
	public String nodes() {
		return this.ports.stream().map(port -> RedisNodes.HOST + ":" + port).collect(Collectors.joining(","));
	}

	/** A started Lettuce connection factory that knows only the node at {@code seedPort}; destroy it after use. */
	public LettuceConnectionFactory connectionFactory(int seedPort) {
		return RedisNodes.started(new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of(RedisNodes.HOST + ":" + seedPort))));
	}

	/** Spring Boot properties that make an application use this cluster. */
	public List<String> springProperties() {
		return List.of("spring.data.redis.cluster.nodes=" + nodes());
	}

	@Override
	public void close() {
		this.nodes.close();
	}

}

package org.chat.testsupport.redis;

import java.nio.file.Path;
import java.util.List;

/** A 3-master Redis Cluster and a Sentinel setup side by side, for tests that run the same checks on both. */
public final class RedisTopologies implements AutoCloseable {

	private final RedisClusterFixture cluster;

	private final RedisSentinelFixture sentinel;

	private RedisTopologies(RedisClusterFixture cluster, RedisSentinelFixture sentinel) {
		this.cluster = cluster;
		this.sentinel = sentinel;
	}

	public static RedisTopologies start(Path dir) {
		RedisClusterFixture cluster = RedisClusterFixture.start(dir.resolve("cluster"), 3);
		try {
			return new RedisTopologies(cluster, RedisSentinelFixture.start(dir.resolve("sentinel")));
		}
		catch (RuntimeException e) {
			cluster.close();
			throw e;
		}
	}

	public RedisClusterFixture cluster() {
		return this.cluster;
	}

	public RedisSentinelFixture sentinel() {
		return this.sentinel;
	}

	/** Spring Boot properties for {@code "cluster"} or {@code "sentinel"}. */
	public List<String> springProperties(String topology) {
		return switch (topology) {
			case "cluster" -> this.cluster.springProperties();
			case "sentinel" -> this.sentinel.springProperties();
			default -> throw new IllegalArgumentException("no Redis topology " + topology);
		};
	}

	@Override
	public void close() {
		this.sentinel.close();
		this.cluster.close();
	}

}

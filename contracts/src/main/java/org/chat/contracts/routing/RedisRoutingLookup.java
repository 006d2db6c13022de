package org.chat.contracts.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.chat.contracts.PresenceKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the {@code PresenceKeys.sessions(userId)} hashes; Lettuce pipelines the per-user reads on one connection. */
public final class RedisRoutingLookup implements RoutingLookup {

	private final ReactiveStringRedisTemplate redis;

	public RedisRoutingLookup(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Map<String, Set<String>>> gatewaysOf(Collection<String> userIds) {
		return Flux.fromIterable(Set.copyOf(userIds))
			.flatMap(user -> this.redis.<String, String>opsForHash()
				.values(PresenceKeys.sessions(user))
				.map(json -> Map.entry(SessionEntry.fromJson(json).gatewayId(), user)))
			.collect(HashMap::new, (Map<String, Set<String>> acc, Map.Entry<String, String> e) -> acc
				.computeIfAbsent(e.getKey(), k -> new HashSet<>())
				.add(e.getValue()));
	}

}

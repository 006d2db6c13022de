package org.chat.presence.userlist;

import org.chat.contracts.PresenceKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * How many sockets the busiest gateway holds: a {@code user_list} broadcast is written once per socket, so this is
 * what one broadcast costs the gateway that pays most (its session set, which presence keeps for the sweep).
 */
public class GatewayLoad {

	private final ReactiveStringRedisTemplate redis;

	public GatewayLoad(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	/** The largest session set among the registered gateways; 0 when there is none. */
	public Mono<Long> busiestGatewaySessions() {
		return this.redis.opsForSet()
			.members(PresenceKeys.GATEWAYS)
			.flatMap(gateway -> this.redis.opsForSet().size(PresenceKeys.gatewaySessions(gateway)), 16)
			.reduce(0L, Math::max);
	}

}

package org.chat.presence.sweep;

import java.time.Clock;
import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.envelope.SessionRef;
import org.chat.presence.metrics.PresenceMetrics;
import org.chat.presence.session.LastSeenPublisher;
import org.chat.presence.session.LuaScripts;
import org.chat.presence.session.PresenceChange;
import org.chat.presence.session.SessionScripts;
import org.chat.presence.userlist.UserListCoalescer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes the sessions of gateways whose alive key expired (a crashed gateway sends no close). Each removal
 * is one idempotent script that re-checks the alive key, so concurrent sweepers on several instances and a
 * gateway coming back mid-sweep are safe.
 */
public class GatewaySweeper {

	private static final Logger log = LoggerFactory.getLogger(GatewaySweeper.class);

	private final RedisScript<Long> forget = LuaScripts.load("gateway-forget.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final SessionScripts scripts;

	private final UserListCoalescer userList;

	private final LastSeenPublisher lastSeen;

	private final Clock clock;

	private final PresenceMetrics metrics;

	public GatewaySweeper(ReactiveStringRedisTemplate redis, SessionScripts scripts, UserListCoalescer userList,
			LastSeenPublisher lastSeen, Clock clock, PresenceMetrics metrics) {
		this.redis = redis;
		this.scripts = scripts;
		this.userList = userList;
		this.lastSeen = lastSeen;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** @return how many sessions were removed */
	public Mono<Long> sweepOnce() {
		return this.redis.opsForSet()
			.members(PresenceKeys.GATEWAYS)
			.concatMap(gateway -> this.redis.hasKey(PresenceKeys.gatewayAlive(gateway))
				.flatMap(alive -> alive ? Mono.just(0L) : sweep(gateway)))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> sweep(String gateway) {
		long now = this.clock.millis();
		return this.redis.opsForSet()
			.members(PresenceKeys.gatewaySessions(gateway))
			.map(member -> member.split(" ", 2))
			.flatMap(member -> this.scripts.sweep(member[0], member[1], gateway, now)
				.flatMap(change -> after(new SessionRef(member[0], member[1], gateway, 0), change, now)), 16)
			.takeWhile(change -> change != PresenceChange.GATEWAY_ALIVE)
			.filter(change -> change != PresenceChange.UNCHANGED)
			.count()
			.flatMap(swept -> forget(gateway).thenReturn(swept))
			.doOnNext(swept -> {
				this.metrics.gatewaySwept(swept);
				if (swept > 0) {
					log.info("gateway {} is dead (alive key expired): swept {} sessions", gateway, swept);
				}
			});
	}

	private Mono<PresenceChange> after(SessionRef session, PresenceChange change, long now) {
		if (change.onlineSetChanged()) {
			this.userList.changed();
		}
		if (change == PresenceChange.WENT_OFFLINE) {
			String causeId = "sweep:" + session.gatewayId() + ":" + session.userId() + ":" + session.sessionId();
			return this.lastSeen.publish(session, causeId, now).thenReturn(change);
		}
		return Mono.just(change);
	}

	private Mono<Long> forget(String gateway) {
		return this.redis.execute(this.forget,
				List.of(PresenceKeys.gatewaySessions(gateway), PresenceKeys.gatewayAlive(gateway),
						PresenceKeys.GATEWAYS),
				List.of(gateway))
			.next();
	}

}

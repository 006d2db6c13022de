package org.chat.presence.userlist;

import java.time.Duration;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/** The two Redis sides of the coalescer: the cluster-wide once-per-window gate and the broadcast itself. */
public class UserListBroadcaster {

	private final ReactiveStringRedisTemplate redis;

	private final OnlineUsers onlineUsers;

	private final GatewayPublisher publisher;

	private final Duration window;

	private final String instanceId;

	private final PresenceMetrics metrics;

	public UserListBroadcaster(ReactiveStringRedisTemplate redis, OnlineUsers onlineUsers,
			GatewayPublisher publisher, Duration window, String instanceId, PresenceMetrics metrics) {
		this.redis = redis;
		this.onlineUsers = onlineUsers;
		this.publisher = publisher;
		this.window = window;
		this.instanceId = instanceId;
		this.metrics = metrics;
	}

	/** @return true if no instance has broadcast within the current window (and now this one may) */
	public Mono<Boolean> acquireWindow() {
		return this.redis.opsForValue()
			.setIfAbsent(PresenceKeys.USER_LIST_GATE, this.instanceId, this.window)
			.defaultIfEmpty(false);
	}

	public Mono<Long> broadcast() {
		return this.onlineUsers.list()
			.flatMap(users -> this.publisher.toAll(GatewayMessage.broadcast(ClientEvents.USER_LIST, users)))
			.doOnNext(receivers -> this.metrics.userListBroadcast());
	}

}

package org.chat.presence.userlist;

import java.time.Duration;
import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The two Redis sides of the coalescer: the cluster-wide gate (the list changed since the last broadcast, and
 * nobody broadcast within the window) and the broadcast itself. "Changed" compares two counters: the session
 * scripts bump {@code USER_LIST_VERSION} atomically with each change; a broadcast records the version it read
 * before reading the list in {@code USER_LIST_BROADCAST}. The counters differ, rather than one exceeding the
 * other: a Redis that lost its data (restart, flush) while a broadcast was in flight restarts the version at 0
 * below the recorded one, and "greater than" would then keep every list to itself until the version caught up.
 */
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

	/** @return true if the list changed since the last broadcast and this instance took the current window */
	public Mono<Boolean> acquireWindow() {
		return this.redis.opsForValue()
			.multiGet(List.of(PresenceKeys.USER_LIST_VERSION, PresenceKeys.USER_LIST_BROADCAST))
			.map(versions -> number(versions.get(0)) != number(versions.get(1)))
			.flatMap(changed -> changed ? this.redis.opsForValue()
				.setIfAbsent(PresenceKeys.USER_LIST_GATE, this.instanceId, this.window)
				.defaultIfEmpty(false) : Mono.just(false));
	}

	/** Reads the version, then the list (so the list is at least that new), publishes it and records the version. */
	public Mono<Long> broadcast() {
		return this.redis.opsForValue()
			.get(PresenceKeys.USER_LIST_VERSION)
			.defaultIfEmpty("0")
			.flatMap(version -> this.onlineUsers.list()
				.flatMap(users -> this.publisher.toAll(GatewayMessage.broadcast(ClientEvents.USER_LIST, users)))
				.flatMap(receivers -> this.redis.opsForValue()
					.set(PresenceKeys.USER_LIST_BROADCAST, version)
					.thenReturn(receivers)))
			.doOnNext(receivers -> this.metrics.userListBroadcast());
	}

	private static long number(String value) {
		return value == null ? 0 : Long.parseLong(value);
	}

}

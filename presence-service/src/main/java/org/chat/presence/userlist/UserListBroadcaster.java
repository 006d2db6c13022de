package org.chat.presence.userlist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.presence.fanout.GatewayPublisher;
import org.chat.presence.metrics.PresenceMetrics;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * The two Redis sides of the coalescer: the cluster-wide gate (the list changed since the last broadcast, and
 * nobody broadcast within the window) and the broadcast itself. "Changed" compares two counters: the session
 * scripts bump {@code USER_LIST_VERSION} atomically with each change; a broadcast records the version it read
 * before reading the list in {@code USER_LIST_BROADCAST}. The counters differ, rather than one exceeding the
 * other: a Redis that lost its data (restart, flush) while a broadcast was in flight restarts the version at 0
 * below the recorded one, and "greater than" would then keep every list to itself until the version caught up.
 * <p>
 * A large list stretches its own window: every client gets each list, so bytes per client and second are
 * list size × broadcasts per second, and a gateway writes that for each of its sockets. Before publishing a list
 * of B bytes the gate is set again for {@code max(window, B / clientBandwidth, B × S / gatewayBandwidth)}, S the
 * sockets of the busiest gateway: at the defaults (8 KB/s per client, 16 MB/s per gateway), 4 lists a second up to
 * 2 KB (~15 users), one every ~16 s of 130 KB (1,000 users) up to ~2,000 sockets a gateway, and beyond that one
 * per 130 KB × S / 16 MB/s (~60 s at 7,500 sockets). Without the first the bytes of a churning cluster grow with
 * users², and a reconnect storm spent the surviving gateways' CPU writing user lists instead of accepting the
 * reconnects; without the second a 15,000-client storm queued gigabytes of lists ahead of its pings and CONNECT
 * answers.
 */
public class UserListBroadcaster {

	private final ReactiveStringRedisTemplate redis;

	private final OnlineUsers onlineUsers;

	private final GatewayPublisher publisher;

	private final Duration window;

	private final DataSize clientBandwidth;

	private final GatewayLoad gatewayLoad;

	private final DataSize gatewayBandwidth;

	private final String instanceId;

	private final PresenceMetrics metrics;

	public UserListBroadcaster(ReactiveStringRedisTemplate redis, OnlineUsers onlineUsers,
			GatewayPublisher publisher, Duration window, DataSize clientBandwidth, GatewayLoad gatewayLoad,
			DataSize gatewayBandwidth, String instanceId, PresenceMetrics metrics) {
		this.redis = redis;
		this.onlineUsers = onlineUsers;
		this.publisher = publisher;
		this.window = window;
		this.clientBandwidth = clientBandwidth;
		this.gatewayLoad = gatewayLoad;
		this.gatewayBandwidth = gatewayBandwidth;
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

	/**
	 * Reads the version, then the list (so the list is at least that new), stretches the window for a large list
	 * or a busy gateway, publishes it and records the version.
	 */
	public Mono<Long> broadcast() {
		return this.redis.opsForValue()
			.get(PresenceKeys.USER_LIST_VERSION)
			.defaultIfEmpty("0")
			.flatMap(version -> this.onlineUsers.list()
				.map(users -> GatewayMessage.broadcast(ClientEvents.USER_LIST, users).toJson())
				.zipWith(this.gatewayLoad.busiestGatewaySessions())
				.flatMap(list -> stretchWindow(
						windowFor(list.getT1().getBytes(StandardCharsets.UTF_8).length, list.getT2()))
					.then(this.publisher.toAll(list.getT1())))
				.flatMap(receivers -> this.redis.opsForValue()
					.set(PresenceKeys.USER_LIST_BROADCAST, version)
					.thenReturn(receivers)))
			.doOnNext(receivers -> this.metrics.userListBroadcast());
	}

	/**
	 * The window a list of {@code bytes} needs when the busiest gateway writes it to {@code sockets} sockets: the
	 * configured one, longer where the client or the gateway bandwidth says so.
	 */
	Duration windowFor(long bytes, long sockets) {
		long perClient = bytes * 1000 / this.clientBandwidth.toBytes();
		long perGateway = (long) ((double) bytes * sockets * 1000 / this.gatewayBandwidth.toBytes());
		Duration needed = Duration.ofMillis(Math.max(perClient, perGateway));
		return needed.compareTo(this.window) > 0 ? needed : this.window;
	}

	/** Sets the gate again, from now, for a window longer than the one taken (whoever holds it: it only waits). */
	private Mono<Void> stretchWindow(Duration needed) {
		this.metrics.userListWindow(needed);
		return needed.compareTo(this.window) > 0
				? this.redis.opsForValue().set(PresenceKeys.USER_LIST_GATE, this.instanceId, needed).then()
				: Mono.empty();
	}

	private static long number(String value) {
		return value == null ? 0 : Long.parseLong(value);
	}

}

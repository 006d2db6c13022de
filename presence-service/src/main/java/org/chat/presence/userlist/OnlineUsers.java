package org.chat.presence.userlist;

import java.util.List;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.UserView;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the online users for user_list: at most {@code cap} of them (the first the set scan yields when more
 * are online), sorted by id, with the profile given in register_user.
 */
public class OnlineUsers {

	private static final List<String> PROFILE_FIELDS = List.of("name", "email", "avatar");

	private final ReactiveStringRedisTemplate redis;

	private final int cap;

	public OnlineUsers(ReactiveStringRedisTemplate redis, int cap) {
		this.redis = redis;
		this.cap = cap;
	}

	public Mono<List<UserView>> list() {
		return this.redis.opsForSet()
			.scan(PresenceKeys.ONLINE, ScanOptions.scanOptions().count(Math.min(this.cap, 1000)).build())
			.distinct()
			.take(this.cap)
			.collectSortedList()
			.flatMapMany(Flux::fromIterable)
			.flatMapSequential(this::view, 32)
			.collectList();
	}

	private Mono<UserView> view(String userId) {
		return this.redis.<String, String>opsForHash()
			.multiGet(PresenceKeys.profile(userId), PROFILE_FIELDS)
			.map(values -> UserView.of(userId, values.get(0), values.get(1), values.get(2), true));
	}

}

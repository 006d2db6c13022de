package org.chat.notification.decide;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.chat.contracts.PresenceKeys;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Whether each user's {@code PresenceKeys.sessions} hash exists, for all users of a lookup in one script call.
 * The message-service's routing lookup reads every session's gateway, one command per user; a push only needs
 * to know that there is a session. The keys share the presence hash tag, so one call also works on a Cluster.
 */
public final class RedisSessionLookup implements SessionLookup {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SESSIONS_EXIST = RedisScript.of(new ClassPathResource("lua/sessions-exist.lua"),
			List.class);

	private final ReactiveStringRedisTemplate redis;

	public RedisSessionLookup(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Set<String>> withSessions(Collection<String> userIds) {
		List<String> users = List.copyOf(new LinkedHashSet<>(userIds));
		return this.redis.execute(SESSIONS_EXIST, users.stream().map(PresenceKeys::sessions).toList(), List.of())
			.next()
			.map(found -> {
				Set<String> withSessions = new HashSet<>();
				for (int i = 0; i < users.size(); i++) {
					if (((Number) found.get(i)).longValue() == 1) {
						withSessions.add(users.get(i));
					}
				}
				return withSessions;
			});
	}

}

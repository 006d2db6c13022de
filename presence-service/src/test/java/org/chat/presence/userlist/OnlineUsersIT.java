package org.chat.presence.userlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chat.contracts.PresenceKeys;
import org.chat.contracts.client.UserView;
import org.chat.presence.support.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** The user_list contents: online users with their profiles, sorted, never more than the cap. */
class OnlineUsersIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ReactiveStringRedisTemplate redis = TestRedis.get().template();

	@BeforeEach
	void clean() {
		TestRedis.get().flush();
	}

	@Test
	void listsOnlineUsersWithTheirProfileSortedById() {
		online("carol", "alice");
		this.redis.<String, String>opsForHash()
			.putAll(PresenceKeys.profile("alice"), Map.of("name", "Alice", "email", "a@x.org", "avatar", "a.png"))
			.block(TIMEOUT);
		List<UserView> users = new OnlineUsers(this.redis, 10).list().block(TIMEOUT);
		assertThat(users).containsExactly(UserView.of("alice", "Alice", "a@x.org", "a.png", true),
				UserView.of("carol", null, null, null, true));
	}

	@Test
	void neverListsMoreThanTheCap() {
		online(Flux.range(0, 2_500).map(i -> "user" + i).collectList().block(TIMEOUT).toArray(String[]::new));
		List<UserView> users = new OnlineUsers(this.redis, 1000).list().block(TIMEOUT);
		assertThat(users).hasSize(1000).doesNotHaveDuplicates().allMatch(UserView::isOnline);
		assertThat(users).extracting(UserView::id).isSorted();
		assertThat(new OnlineUsers(this.redis, 3000).list().block(TIMEOUT)).hasSize(2_500);
	}

	@Test
	void anEmptyOnlineSetGivesAnEmptyList() {
		assertThat(new OnlineUsers(this.redis, 10).list().block(TIMEOUT)).isEmpty();
	}

	private void online(String... users) {
		this.redis.opsForSet().add(PresenceKeys.ONLINE, users).block(TIMEOUT);
	}

}

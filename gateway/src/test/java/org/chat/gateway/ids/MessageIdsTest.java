package org.chat.gateway.ids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chat.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

	@Test
	void idsAreObjectIdShapedAndSortByTime() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		MessageIds ids = new MessageIds(clock);
		List<String> generated = new ArrayList<>();
		for (int second = 0; second < 3; second++) {
			for (int i = 0; i < 1000; i++) {
				generated.add(ids.next());
			}
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(generated).allMatch(MessageIds::isValid).doesNotHaveDuplicates();
		assertThat(generated.get(0)).startsWith(Long.toHexString(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond()));
		List<String> firstOfEachSecond = List.of(generated.get(0), generated.get(1000), generated.get(2000));
		assertThat(firstOfEachSecond).isSorted();
	}

	@Test
	void derivedIdIsStablePerSenderAndClientId() {
		String id = MessageIds.derived("alice", "c-1");
		assertThat(MessageIds.isValid(id)).isTrue();
		assertThat(MessageIds.derived("alice", "c-1")).isEqualTo(id);
		assertThat(MessageIds.derived("bob", "c-1")).isNotEqualTo(id);
		assertThat(MessageIds.derived("alice", "c-2")).isNotEqualTo(id);
		assertThat(MessageIds.derived("a", "b:c")).isNotEqualTo(MessageIds.derived("a:b", "c"));
	}

	@Test
	void formatIsStrict() {
		assertThat(MessageIds.isValid("65a1b2c3d4e5f60718293a4b")).isTrue();
		assertThat(MessageIds.isValid("65A1B2C3D4E5F60718293A4B")).isFalse();
		assertThat(MessageIds.isValid("65a1b2c3d4e5f60718293a4")).isFalse();
		assertThat(MessageIds.isValid(null)).isFalse();
	}

}

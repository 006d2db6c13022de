package org.chat.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationIdTest {

	@Test
	void isTheSortedPairWhicheverSideAsks() {
		assertThat(ConversationId.of("bob", "alice")).isEqualTo("alice:bob");
		assertThat(ConversationId.of("alice", "bob")).isEqualTo("alice:bob");
	}

	@Test
	void userIdsRejectKeyAndOperatorCharacters() {
		assertThat(UserIds.isValid("alice_1.b@x-y")).isTrue();
		assertThat(UserIds.isValid("$ne")).isFalse();
		assertThat(UserIds.isValid("a:b")).isFalse();
		assertThat(UserIds.isValid("")).isFalse();
		assertThat(UserIds.isValid("x".repeat(65))).isFalse();
		assertThat(UserIds.isValid(null)).isFalse();
	}

}

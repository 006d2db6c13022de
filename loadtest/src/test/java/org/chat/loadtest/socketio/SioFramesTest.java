package org.chat.loadtest.socketio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SioFramesTest {

	@Test
	void connectCarriesTheTokenInTheAuthObject() {
		assertThat(SioFrames.connect("a.b.c")).isEqualTo("40{\"token\":\"a.b.c\"}");
	}

	@Test
	void eventHasItsAckIdBeforeTheArray() {
		assertThat(SioFrames.event(17, "get_unread_counts", "{}")).isEqualTo("4217[\"get_unread_counts\",{}]");
	}

	@Test
	void eventWithoutArguments() {
		assertThat(SioFrames.event(3, "request_user_list")).isEqualTo("423[\"request_user_list\"]");
	}

	@Test
	void registerSendsTheTokenUserAsId() {
		assertThat(SioFrames.register(1, "u1", "User 1"))
			.isEqualTo("421[\"register_user\",{\"id\":\"u1\",\"name\":\"User 1\"}]");
	}

	@Test
	void sendPrivateMessageCarriesRecipientTextAndClientMessageId() {
		assertThat(SioFrames.sendPrivateMessage(5, "bob", "hi", "c-1")).isEqualTo(
				"425[\"send_private_message\",{\"toUserId\":\"bob\",\"text\":\"hi\",\"clientMessageId\":\"c-1\"}]");
	}

	@Test
	void quoteEscapesWhatJsonRequires() {
		assertThat(SioFrames.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
	}

}

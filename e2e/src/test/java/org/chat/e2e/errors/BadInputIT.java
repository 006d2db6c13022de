package org.chat.e2e.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chat.contracts.client.ClientEvents.CHAT_ERROR;
import static org.chat.contracts.client.ClientEvents.GET_MESSAGES;
import static org.chat.contracts.client.ClientEvents.GET_UNREAD_COUNTS;
import static org.chat.contracts.client.ClientEvents.MARK_MESSAGES_READ;
import static org.chat.contracts.client.ClientEvents.RECEIVE_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.REGISTER_USER;
import static org.chat.contracts.client.ClientEvents.REQUEST_USER_LIST;
import static org.chat.contracts.client.ClientEvents.SEND_PRIVATE_MESSAGE;
import static org.chat.contracts.client.ClientEvents.SYNC_MESSAGES;
import static org.chat.contracts.client.ClientEvents.TYPING_PRIVATE;
import static org.chat.contracts.client.ClientEvents.UNREAD_COUNTS;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chat.contracts.client.ErrorCode;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.Frames;
import org.chat.e2e.Frames.Sent;
import org.chat.e2e.client.JsClient;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input on every client event: with an ack callback the ack says {@code {ok:false, error:{code, message}}},
 * without one a {@code chat_error {event, code, message}} arrives; the socket stays connected and usable, and
 * nothing of it reaches anyone.
 */
@EndToEnd
class BadInputIT {

	private static final String INVALID = ErrorCode.INVALID_PAYLOAD.code();

	private static final String TOO_LARGE = ErrorCode.PAYLOAD_TOO_LARGE.code();

	/** One bad emit: its arguments (none, or JSON values of any shape) and the code it must get. */
	record Case(String event, String code, Object... args) {

		@Override
		public String toString() {
			return this.event + Arrays.toString(this.args) + " → " + this.code;
		}

	}

	@Test
	void everyEventRejectsBadPayloadsWithTheExactErrorAndKeepsTheSocket(Chat chat) {
		JsClient bob = chat.online(Chat.user("bob"), chat.b());
		Map<String, List<Case>> casesByEvent = cases(bob.userId());

		JsClient lastSocket = null;
		for (List<Case> cases : casesByEvent.values()) {
			// a socket per event keeps each one within the rate limit's burst
			JsClient alice = chat.connect(Chat.user("alice"), chat.a());
			for (Case c : cases) {
				Frames.assertAckError(alice.ack(c.event(), c.args()), c.code());
			}
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get(i);
				alice.emit(c.event(), c.args());
				Frames.assertChatError(alice.await(CHAT_ERROR, e -> true, i + 1).get(i), c.event(), c.code());
			}
			assertThat(alice.wasDisconnected()).as("still connected after %s", cases).isFalse();
			lastSocket = alice;
		}

		// still usable, and nothing rejected reached bob: a valid message is the first thing he gets
		String text = "valid after all that";
		Sent sent = Frames.assertSendAck(lastSocket.ack(SEND_PRIVATE_MESSAGE, Payloads.obj("text", text, "toUserId",
				bob.userId())), text, lastSocket.userId(), bob.userId(), null);
		Frames.assertReceived(bob.await(RECEIVE_PRIVATE_MESSAGE), sent, false);
		assertThat(bob.received(RECEIVE_PRIVATE_MESSAGE)).hasSize(1);
	}

	@Test
	void unknownEventsAreRejectedAndTheSocketStays(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());
		String unknown = ErrorCode.UNKNOWN_EVENT.code();

		Frames.assertAckError(alice.ack("delete_all_messages", Payloads.obj("toUserId", "bob")), unknown);
		Frames.assertAckError(alice.ack("no_such_event"), unknown);
		alice.emit("no_such_event", "x", 1);
		Frames.assertChatError(alice.await(CHAT_ERROR), "no_such_event", unknown);

		assertThat(Frames.ok(alice.ack(GET_UNREAD_COUNTS))).isTrue();
		assertThat(alice.await(UNREAD_COUNTS).isArray()).isTrue();
		assertThat(alice.wasDisconnected()).isFalse();
	}

	@Test
	void eventsWithoutPayloadIgnoreExtraArguments(Chat chat) {
		JsClient alice = chat.online(Chat.user("alice"), chat.a());

		assertThat(Frames.ok(alice.ack(GET_UNREAD_COUNTS, Payloads.obj("userId", "someone-else")))).isTrue();
		assertThat(alice.await(UNREAD_COUNTS)).isEqualTo(Payloads.JSON.createArrayNode());
		assertThat(Frames.ok(alice.ack(REQUEST_USER_LIST, "junk", 42))).isTrue();
	}

	private static Map<String, List<Case>> cases(String bob) {
		JsonNode tooLongText = Payloads.obj("text", "x".repeat(4001), "toUserId", bob);
		JsonNode tooLongUnicode = Payloads.obj("text", "👋".repeat(4001), "toUserId", bob);
		return Map.of(SEND_PRIVATE_MESSAGE, List.of(
				new Case(SEND_PRIVATE_MESSAGE, INVALID),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, "just a string"),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, 42),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.JSON.createArrayNode()),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("toUserId", bob)),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", "", "toUserId", bob)),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", "   ", "toUserId", bob)),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", 42, "toUserId", bob)),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", "hi")),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", "hi", "toUserId", Payloads.obj("$ne", null))),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", "hi", "toUserId", "a:b")),
				new Case(SEND_PRIVATE_MESSAGE, INVALID, Payloads.obj("text", "hi", "toUserId", bob, "clientMessageId",
						Payloads.obj())),
				new Case(SEND_PRIVATE_MESSAGE, TOO_LARGE, tooLongText),
				new Case(SEND_PRIVATE_MESSAGE, TOO_LARGE, tooLongUnicode)),
				TYPING_PRIVATE, List.of(
				new Case(TYPING_PRIVATE, INVALID),
				new Case(TYPING_PRIVATE, INVALID, Payloads.obj("toUserId", bob)),
				new Case(TYPING_PRIVATE, INVALID, Payloads.obj("toUserId", bob, "isTyping", "yes")),
				new Case(TYPING_PRIVATE, INVALID, Payloads.obj("isTyping", true)),
				new Case(TYPING_PRIVATE, INVALID, "typing")),
				MARK_MESSAGES_READ, List.of(
				new Case(MARK_MESSAGES_READ, INVALID),
				new Case(MARK_MESSAGES_READ, INVALID, Payloads.obj()),
				new Case(MARK_MESSAGES_READ, INVALID, Payloads.obj("otherUserId", 5)),
				new Case(MARK_MESSAGES_READ, INVALID, Payloads.obj("otherUserId", Payloads.obj("$gt", "")))),
				REGISTER_USER, List.of(
				new Case(REGISTER_USER, INVALID, "alice"),
				new Case(REGISTER_USER, INVALID, Payloads.obj("name", 5)),
				new Case(REGISTER_USER, INVALID, Payloads.obj("email", Payloads.obj("$ne", null))),
				new Case(REGISTER_USER, TOO_LARGE, Payloads.obj("name", "n".repeat(101))),
				new Case(REGISTER_USER, TOO_LARGE, Payloads.obj("avatar", "a".repeat(2049)))),
				GET_MESSAGES, List.of(
				new Case(GET_MESSAGES, INVALID),
				new Case(GET_MESSAGES, INVALID, Payloads.obj()),
				new Case(GET_MESSAGES, INVALID, Payloads.obj("otherUserId", bob, "limit", 101)),
				new Case(GET_MESSAGES, INVALID, Payloads.obj("otherUserId", bob, "limit", 0)),
				new Case(GET_MESSAGES, INVALID, Payloads.obj("otherUserId", bob, "limit", "10")),
				new Case(GET_MESSAGES, INVALID, Payloads.obj("otherUserId", bob, "limit", 2.5)),
				new Case(GET_MESSAGES, INVALID, Payloads.obj("otherUserId", bob, "before", "not-an-id")),
				new Case(GET_MESSAGES, INVALID, Payloads.obj("otherUserId", bob, "before", Payloads.obj("$lt", "z")))),
				SYNC_MESSAGES, List.of(
				new Case(SYNC_MESSAGES, INVALID, "since"),
				new Case(SYNC_MESSAGES, INVALID, Payloads.obj("since", "not-an-id")),
				new Case(SYNC_MESSAGES, INVALID, Payloads.obj("since", 12)),
				new Case(SYNC_MESSAGES, INVALID, Payloads.obj("limit", 1000))));
	}

}

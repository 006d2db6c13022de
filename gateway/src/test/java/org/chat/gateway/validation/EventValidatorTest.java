package org.chat.gateway.validation;

import java.util.List;
import java.util.stream.Stream;

import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.events.HistoryQuery;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.Profile;
import org.chat.contracts.events.SyncQuery;
import org.chat.contracts.events.SyncToken;
import org.chat.contracts.events.Typing;
import org.chat.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventValidatorTest {

	private static final String ME = "alice";

	private final EventValidator validator = new EventValidator(new LimitsProperties(10, 5, 20, 30, 50, 100));

	static Stream<Arguments> rejected() {
		String send = ClientEvents.SEND_PRIVATE_MESSAGE;
		String typing = ClientEvents.TYPING_PRIVATE;
		String read = ClientEvents.MARK_MESSAGES_READ;
		String register = ClientEvents.REGISTER_USER;
		String history = ClientEvents.GET_MESSAGES;
		String sync = ClientEvents.SYNC_MESSAGES;
		ErrorCode invalid = ErrorCode.INVALID_PAYLOAD;
		ErrorCode tooLarge = ErrorCode.PAYLOAD_TOO_LARGE;
		return Stream.of(
				// send_private_message
				Arguments.of(send, "\"hi\"", invalid), Arguments.of(send, "[]", invalid),
				Arguments.of(send, "null", invalid), Arguments.of(send, "{\"text\":\"hi\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\"}", invalid),
				Arguments.of(send, "{\"toUserId\":{\"$ne\":null},\"text\":\"hi\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":{\"$gt\":\"\"}}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bo:b\",\"text\":\"hi\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"\",\"text\":\"hi\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"" + "b".repeat(65) + "\",\"text\":\"hi\"}", invalid),
				Arguments.of(send, "{\"toUserId\":42,\"text\":\"hi\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":\"\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":\"   \"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":7}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":\"12345678901\"}", tooLarge),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":\"hi\",\"clientMessageId\":\"a b\"}", invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":\"hi\",\"clientMessageId\":\"" + "c".repeat(65) + "\"}",
						invalid),
				Arguments.of(send, "{\"toUserId\":\"bob\",\"text\":\"hi\",\"clientMessageId\":5}", invalid),
				// typing_private
				Arguments.of(typing, "{\"toUserId\":\"bob\"}", invalid),
				Arguments.of(typing, "{\"toUserId\":\"bob\",\"isTyping\":\"true\"}", invalid),
				Arguments.of(typing, "{\"isTyping\":true}", invalid), Arguments.of(typing, "true", invalid),
				// mark_messages_read
				Arguments.of(read, "{}", invalid), Arguments.of(read, "{\"otherUserId\":[\"bob\"]}", invalid),
				Arguments.of(read, "{\"otherUserId\":{\"$ne\":\"x\"}}", invalid),
				// register_user
				Arguments.of(register, "\"alice\"", invalid), Arguments.of(register, "{\"name\":{\"$ne\":1}}", invalid),
				Arguments.of(register, "{\"name\":\"toolong\"}", tooLarge),
				Arguments.of(register, "{\"email\":\"" + "e".repeat(21) + "\"}", tooLarge),
				Arguments.of(register, "{\"avatar\":\"" + "a".repeat(31) + "\"}", tooLarge),
				Arguments.of(register, "{\"email\":3}", invalid),
				Arguments.of(register, "{\"id\":\"mallory\"}", ErrorCode.UNAUTHORIZED),
				Arguments.of(register, "{\"_id\":\"mallory\"}", ErrorCode.UNAUTHORIZED),
				Arguments.of(register, "{\"id\":{\"$ne\":null}}", ErrorCode.UNAUTHORIZED),
				// get_messages
				Arguments.of(history, "{}", invalid), Arguments.of(history, "{\"otherUserId\":\"bob\",\"limit\":0}", invalid),
				Arguments.of(history, "{\"otherUserId\":\"bob\",\"limit\":101}", invalid),
				Arguments.of(history, "{\"otherUserId\":\"bob\",\"limit\":1.5}", invalid),
				Arguments.of(history, "{\"otherUserId\":\"bob\",\"limit\":\"10\"}", invalid),
				Arguments.of(history, "{\"otherUserId\":\"bob\",\"before\":\"xyz\"}", invalid),
				Arguments.of(history, "{\"otherUserId\":\"bob\",\"before\":\"65A1B2C3D4E5F60718293A4B\"}", invalid),
				Arguments.of(history, "{\"otherUserId\":\"bob\",\"before\":{\"$lt\":\"z\"}}", invalid),
				// sync_messages
				Arguments.of(sync, "[]", invalid), Arguments.of(sync, "{\"since\":12}", invalid),
				Arguments.of(sync, "{\"since\":\"t1.!!\"}", invalid), Arguments.of(sync, "{\"since\":\"t1.MDo\"}", invalid),
				Arguments.of(sync, "{\"since\":\"latest\"}", invalid),
				Arguments.of(sync, "{\"limit\":1000}", invalid));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("rejected")
	void rejectsWithExactCode(String event, String json, ErrorCode code) {
		EventRejected rejected = catchThrowableOfType(EventRejected.class, () -> validate(event, args(json)));
		assertThat(rejected).as("rejected").isNotNull();
		assertThat(rejected.code()).isEqualTo(code);
		assertThat(rejected.getMessage()).isNotBlank();
	}

	@Test
	void sendKeepsTextAndClientIdAndIgnoresUserField() {
		SendRequest request = this.validator.send(args(
				"{\"toUserId\":\"bob\",\"text\":\"héllo 👋\",\"clientMessageId\":\"c-1:2.x_\",\"user\":{\"id\":\"mallory\"}}"));
		assertThat(request).isEqualTo(new SendRequest("bob", "héllo 👋", "c-1:2.x_"));
	}

	@Test
	void textLimitCountsCharactersNotUtf16Units() {
		String tenEmoji = "👋".repeat(10);
		assertThat(this.validator.send(args("{\"toUserId\":\"bob\",\"text\":\"" + tenEmoji + "\"}")).text())
			.isEqualTo(tenEmoji);
	}

	@Test
	void sendWithoutClientIdHasNone() {
		assertThat(this.validator.send(args("{\"toUserId\":\"b.o-b@x_1\",\"text\":\"hi\",\"clientMessageId\":null}")))
			.isEqualTo(new SendRequest("b.o-b@x_1", "hi", null));
	}

	@Test
	void typingAndMarkRead() {
		assertThat(this.validator.typing(args("{\"toUserId\":\"bob\",\"isTyping\":false}")))
			.isEqualTo(new Typing("bob", false));
		assertThat(this.validator.markRead(args("{\"otherUserId\":\"bob\"}"))).isEqualTo(new MarkRead("bob"));
	}

	@Test
	void registerAcceptsOwnIdAndOptionalFields() {
		assertThat(this.validator.register(
				args("{\"id\":\"alice\",\"_id\":\"alice\",\"name\":\"Al\",\"email\":null,\"isOnline\":true}"), ME))
			.isEqualTo(new Profile("Al", null, null));
		assertThat(this.validator.register(List.of(), ME)).isEqualTo(new Profile(null, null, null));
	}

	@Test
	void historyAndSyncDefaults() {
		assertThat(this.validator.history(args("{\"otherUserId\":\"bob\"}"))).isEqualTo(new HistoryQuery("bob", null, 50));
		assertThat(this.validator
			.history(args("{\"otherUserId\":\"bob\",\"before\":\"65a1b2c3d4e5f60718293a4b\",\"limit\":100}")))
			.isEqualTo(new HistoryQuery("bob", "65a1b2c3d4e5f60718293a4b", 100));
		assertThat(this.validator.sync(List.of())).isEqualTo(new SyncQuery(null, 100));
		String token = new SyncToken(java.util.Map.of(0, 12L, 3, 7L)).encode();
		assertThat(this.validator.sync(args("{\"since\":\"" + token + "\"}"))).isEqualTo(new SyncQuery(token, 100));
		assertThat(this.validator.sync(args("{\"since\":\"65a1b2c3d4e5f60718293a4b\",\"limit\":1}")))
			.isEqualTo(new SyncQuery("65a1b2c3d4e5f60718293a4b", 1));
	}

	private void validate(String event, List<JsonNode> args) {
		switch (event) {
			case ClientEvents.SEND_PRIVATE_MESSAGE -> this.validator.send(args);
			case ClientEvents.TYPING_PRIVATE -> this.validator.typing(args);
			case ClientEvents.MARK_MESSAGES_READ -> this.validator.markRead(args);
			case ClientEvents.REGISTER_USER -> this.validator.register(args, ME);
			case ClientEvents.GET_MESSAGES -> this.validator.history(args);
			case ClientEvents.SYNC_MESSAGES -> this.validator.sync(args);
			default -> throw new IllegalArgumentException(event);
		}
	}

	private static List<JsonNode> args(String json) {
		return List.of(Json.MAPPER.readTree(json));
	}

}

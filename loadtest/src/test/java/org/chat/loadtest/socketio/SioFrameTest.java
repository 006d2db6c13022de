package org.chat.loadtest.socketio;

import org.chat.loadtest.socketio.SioFrame.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SioFrameTest {

	private static final String RECEIVED = "42[\"receive_private_message\",{\"id\":\"m1\",\"text\":\"say \\\"hi\\\"\","
			+ "\"sender\":\"alice\",\"clientMessageId\":\"c-9\",\"fromUserId\":\"alice\",\"toUserId\":\"bob\"}]";

	@Test
	void kindsOfServerFrames() {
		assertThat(SioFrame.kind("0{\"sid\":\"x\",\"pingInterval\":25000}")).isEqualTo(Kind.OPEN);
		assertThat(SioFrame.kind("2")).isEqualTo(Kind.PING);
		assertThat(SioFrame.kind("40{\"sid\":\"s\"}")).isEqualTo(Kind.CONNECTED);
		assertThat(SioFrame.kind("44{\"message\":\"unauthorized\"}")).isEqualTo(Kind.CONNECT_ERROR);
		assertThat(SioFrame.kind(RECEIVED)).isEqualTo(Kind.EVENT);
		assertThat(SioFrame.kind("4312[{\"ok\":true}]")).isEqualTo(Kind.ACK);
		assertThat(SioFrame.kind("41")).isEqualTo(Kind.OTHER);
		assertThat(SioFrame.kind("6")).isEqualTo(Kind.OTHER);
		assertThat(SioFrame.kind("")).isEqualTo(Kind.OTHER);
	}

	@Test
	void ackIdIsTheNumberAfter43() {
		assertThat(SioFrame.ackId("4312[{\"ok\":true}]")).isEqualTo(12);
		assertThat(SioFrame.ackId("43[{\"ok\":true}]")).isEqualTo(-1);
		assertThat(SioFrame.ackId(RECEIVED)).isEqualTo(-1);
	}

	@Test
	void okAckOnlyWhenTheAcksOwnOkIsTrue() {
		assertThat(SioFrame.isOkAck("437[{\"ok\":true,\"messageId\":\"m\"}]")).isTrue();
		assertThat(SioFrame.isOkAck("437[{\"ok\":false,\"error\":{\"code\":\"rate_limited\"}}]")).isFalse();
		assertThat(SioFrame.isOkAck("437[{\"ok\":false,\"error\":{\"ok\":true}}]")).as("nested").isFalse();
		assertThat(SioFrame.isOkAck("437[{\"ok\":\"true\"}]")).as("a string").isFalse();
		assertThat(SioFrame.isOkAck("437[{\"error\":{\"code\":\"x\"}},{\"ok\":true}]")).as("second argument").isFalse();
		assertThat(SioFrame.isOkAck("42[\"x\",{\"ok\":true}]")).as("an event").isFalse();
	}

	@Test
	void dataIsTheJsonAfterTypeAndAckId() {
		assertThat(SioFrame.data("0{\"sid\":\"e\",\"pingInterval\":25000}").path("pingInterval").intValue()).isEqualTo(25000);
		assertThat(SioFrame.data("40{\"sid\":\"s\"}").path("sid").stringValue()).isEqualTo("s");
		assertThat(SioFrame.data("4312[{\"ok\":true}]").path(0).path("ok").booleanValue()).isTrue();
		assertThat(SioFrame.data("4212[\"typing\"]").path(0).stringValue()).isEqualTo("typing");
		assertThat(SioFrame.data("40").isMissingNode()).isTrue();
		assertThat(SioFrame.data("2").isMissingNode()).isTrue();
		assertThatThrownBy(() -> SioFrame.data("42[\"x\",{\"a\":\"unterminated")).isInstanceOf(JacksonException.class);
	}

	@Test
	void eventArgumentIsTheObjectAfterTheName() {
		assertThat(SioFrame.eventArgument(RECEIVED).path("clientMessageId").stringValue()).isEqualTo("c-9");
		assertThat(SioFrame.eventArgument(RECEIVED).path("text").stringValue()).isEqualTo("say \"hi\"");
		assertThat(SioFrame.eventArgument(RECEIVED).path("missing").isMissingNode()).isTrue();
		assertThat(SioFrame.eventArgument("42[\"m\",{\"replyTo\":{\"clientMessageId\":\"old\"},\"clientMessageId\":\"new\"}]")
			.path("clientMessageId")
			.stringValue()).as("the field itself, not the first occurrence in the frame").isEqualTo("new");
		assertThat(SioFrame.eventArgument("4312[{\"ok\":true}]").isMissingNode()).as("an ack").isTrue();
	}

}

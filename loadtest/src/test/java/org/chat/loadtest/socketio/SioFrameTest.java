package org.chat.loadtest.socketio;

import org.chat.loadtest.socketio.SioFrame.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
	void okAckOnlyWhenOkIsTrue() {
		assertThat(SioFrame.isOkAck("437[{\"ok\":true,\"messageId\":\"m\"}]")).isTrue();
		assertThat(SioFrame.isOkAck("437[{\"ok\":false,\"error\":{\"code\":\"rate_limited\"}}]")).isFalse();
		assertThat(SioFrame.isOkAck("42[\"x\",{\"ok\":true}]")).isFalse();
	}

	@Test
	void eventNameOfAnEvent() {
		assertThat(SioFrame.eventName(RECEIVED)).isEqualTo("receive_private_message");
		assertThat(SioFrame.eventName("4312[{\"ok\":true}]")).isNull();
	}

	@Test
	void stringFieldReadsFlatValuesWithEscapes() {
		assertThat(SioFrame.stringField(RECEIVED, "clientMessageId")).isEqualTo("c-9");
		assertThat(SioFrame.stringField(RECEIVED, "text")).isEqualTo("say \"hi\"");
		assertThat(SioFrame.stringField(RECEIVED, "missing")).isNull();
		assertThat(SioFrame.stringField("42[\"x\",{\"a\":\"unterminated", "a")).isNull();
	}

	@Test
	void everyValueOfAFieldInOrder() {
		String page = "435[{\"ok\":true,\"messages\":[{\"id\":\"m1\",\"clientMessageId\":\"c-1\"},"
				+ "{\"id\":\"m2\",\"text\":\"\\\"clientMessageId\\\":\\\"x\\\"\",\"clientMessageId\":\"c-\\\"2\"}],"
				+ "\"next\":\"t\",\"hasMore\":false}]";
		assertThat(SioFrame.stringFields(page, "clientMessageId")).containsExactly("c-1", "c-\"2");
		assertThat(SioFrame.stringFields(page, "absent")).isEmpty();
	}

}

package org.chat.gateway.engineio.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineCodecTest {

	@Test
	void encodesEveryTextPacketTypeAsItsDigitAndData() {
		assertThat(EngineCodec.encode(EnginePacket.of(EnginePacketType.OPEN, "{\"sid\":\"a\"}"))).isEqualTo("0{\"sid\":\"a\"}");
		assertThat(EngineCodec.encode(EnginePacket.CLOSE)).isEqualTo("1");
		assertThat(EngineCodec.encode(EnginePacket.PING)).isEqualTo("2");
		assertThat(EngineCodec.encode(EnginePacket.of(EnginePacketType.PONG, "probe"))).isEqualTo("3probe");
		assertThat(EngineCodec.encode(EnginePacket.message("hello"))).isEqualTo("4hello");
		assertThat(EngineCodec.encode(EnginePacket.UPGRADE)).isEqualTo("5");
		assertThat(EngineCodec.encode(EnginePacket.NOOP)).isEqualTo("6");
	}

	@Test
	void decodesEveryTextPacketType() {
		assertThat(EngineCodec.decode("0{}")).isEqualTo(EnginePacket.of(EnginePacketType.OPEN, "{}"));
		assertThat(EngineCodec.decode("1")).isEqualTo(EnginePacket.CLOSE);
		assertThat(EngineCodec.decode("2probe")).isEqualTo(EnginePacket.of(EnginePacketType.PING, "probe"));
		assertThat(EngineCodec.decode("3")).isEqualTo(EnginePacket.PONG);
		assertThat(EngineCodec.decode("4héllo ✓")).isEqualTo(EnginePacket.message("héllo ✓"));
		assertThat(EngineCodec.decode("4")).isEqualTo(EnginePacket.message(""));
		assertThat(EngineCodec.decode("5")).isEqualTo(EnginePacket.UPGRADE);
		assertThat(EngineCodec.decode("6")).isEqualTo(EnginePacket.NOOP);
	}

	@Test
	void binaryMessagesAreBase64InPayloadsAndRawInFrames() {
		EnginePacket binary = EnginePacket.message(new byte[] { 1, 2, 3, 4 });
		assertThat(EngineCodec.encode(binary)).isEqualTo("bAQIDBA==");
		assertThat(EngineCodec.decode("bAQIDBA==")).isEqualTo(binary);
		assertThat(EngineCodec.decodeBinary(new byte[] { 1, 2, 3, 4 })).isEqualTo(binary);
		assertThat(EngineCodec.decode("b")).isEqualTo(EnginePacket.message(new byte[0]));
	}

	@Test
	void payloadJoinsRecordsWithTheRecordSeparator() {
		List<EnginePacket> packets = List.of(EnginePacket.message("hello"), EnginePacket.message(new byte[] { 1, 2, 3, 4 }),
				EnginePacket.PING);
		String payload = EngineCodec.encodePayload(packets);
		assertThat(payload).isEqualTo("4hello\u001ebAQIDBA==\u001e2");
		assertThat(EngineCodec.decodePayload(payload, 1000)).containsExactlyElementsOf(packets);
		assertThat(EngineCodec.decodePayload("4test1\u001e4test2\u001e4test3", 1000)).extracting(EnginePacket::text)
			.containsExactly("test1", "test2", "test3");
	}

	@Test
	void aMessageMayContainCharactersThatLookLikeSeparatorsInOtherFormats() {
		assertThat(EngineCodec.decodePayload("4a:b,c\u001e4", 100)).containsExactly(EnginePacket.message("a:b,c"),
				EnginePacket.message(""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "7", "9x", " 4", "\u001e", "x4hello" })
	void rejectsUnknownTypesAndEmptyPackets(String frame) {
		assertThatThrownBy(() -> EngineCodec.decode(frame)).isInstanceOf(EngineProtocolException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1x", "5probe", "6noop" })
	void rejectsDataOnPacketsThatCarryNone(String frame) {
		assertThatThrownBy(() -> EngineCodec.decode(frame)).isInstanceOf(EngineProtocolException.class)
			.hasMessageContaining("carries no data");
	}

	@ParameterizedTest
	@ValueSource(strings = { "b!!!", "bAQ=D", "b%%%%" })
	void rejectsBadBase64(String frame) {
		assertThatThrownBy(() -> EngineCodec.decode(frame)).isInstanceOf(EngineProtocolException.class)
			.hasMessageContaining("base64");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4a\u001e\u001e4b", "4a\u001e", "\u001e4a", "4a\u001eabc" })
	void rejectsPayloadsWithAnEmptyOrBadRecord(String payload) {
		assertThatThrownBy(() -> EngineCodec.decodePayload(payload, 100)).isInstanceOf(EngineProtocolException.class);
	}

	@Test
	void rejectsPayloadsOverMaxPayload() {
		assertThat(EngineCodec.decodePayload("4" + "x".repeat(9), 10)).hasSize(1);
		assertThatThrownBy(() -> EngineCodec.decodePayload("4" + "x".repeat(10), 10))
			.isInstanceOf(EngineProtocolException.class)
			.hasMessageContaining("maxPayload");
	}

	@Test
	void onlyMessagesCarryBinary() {
		assertThatThrownBy(() -> new EnginePacket(EnginePacketType.PING, null, new byte[1]))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPreEncodedMessageIsItsUtf8FrameAndReadsLikeThePlainPacket() {
		EnginePacket shared = EnginePacket.preEncoded("2[\"user_list\",\"é😀\"]");
		assertThat(shared.frame())
			.isEqualTo(java.nio.ByteBuffer.wrap("42[\"user_list\",\"é😀\"]".getBytes(StandardCharsets.UTF_8)));
		assertThat(shared.frame().isDirect()).as("small: a heap frame, cheap to make").isFalse();
		assertThat(shared.frame().isReadOnly()).isTrue();
		assertThat(shared.wireSize()).isEqualTo(shared.frame().remaining());
		assertThat(shared).isEqualTo(EnginePacket.message("2[\"user_list\",\"é😀\"]"));
		assertThat(EngineCodec.encodePayload(List.of(shared, EnginePacket.NOOP)))
			.isEqualTo("42[\"user_list\",\"é😀\"]" + EngineCodec.RECORD_SEPARATOR + "6");
		assertThatThrownBy(() -> new EnginePacket(EnginePacketType.MESSAGE, "x", null,
				java.nio.ByteBuffer.wrap(new byte[] { '4', 'x' })))
			.as("a pre-encoded packet keeps one copy of its data")
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLargePreEncodedMessageLivesInDirectMemory() {
		String list = "2[\"user_list\",\"" + "é".repeat(EnginePacket.DIRECT_FRAME_BYTES / 2) + "\"]";
		EnginePacket large = EnginePacket.preEncoded(list);
		assertThat(large.frame().isDirect()).as("written by Netty without a copy per socket").isTrue();
		assertThat(large.frame().isReadOnly()).isTrue();
		assertThat(large.wireSize()).isEqualTo(("4" + list).getBytes(StandardCharsets.UTF_8).length);
		assertThat(large).isEqualTo(EnginePacket.message(list));
		assertThat(EnginePacket.preEncoded(list.substring(0, 100)).frame().isDirect()).isFalse();
	}

}

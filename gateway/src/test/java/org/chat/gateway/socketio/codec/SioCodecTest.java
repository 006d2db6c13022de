package org.chat.gateway.socketio.codec;

import java.util.List;

import org.chat.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BinaryNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SioCodecTest {

	private static JsonNode json(String text) {
		return Json.read(text, JsonNode.class);
	}

	private static String text(SioPacket packet) {
		SioCodec.Encoded encoded = SioCodec.encode(packet);
		assertThat(encoded.attachments()).isEmpty();
		return encoded.text();
	}

	@Test
	void encodesConnectAnswersAndErrorsPerNamespace() {
		assertThat(text(SioPacket.of(SioPacketType.CONNECT, "/", json("{\"sid\":\"x\"}")))).isEqualTo("0{\"sid\":\"x\"}");
		assertThat(text(SioPacket.of(SioPacketType.CONNECT, "/admin", json("{\"sid\":\"x\"}"))))
			.isEqualTo("0/admin,{\"sid\":\"x\"}");
		assertThat(text(SioPacket.of(SioPacketType.CONNECT_ERROR, "/random", json("{\"message\":\"Invalid namespace\"}"))))
			.isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
		assertThat(text(SioPacket.of(SioPacketType.DISCONNECT, "/", null))).isEqualTo("1");
		assertThat(text(SioPacket.of(SioPacketType.DISCONNECT, "/admin", null))).isEqualTo("1/admin,");
	}

	@Test
	void encodesEventsAndAcks() {
		assertThat(text(SioPacket.of(SioPacketType.EVENT, "/", json("[\"hello\",1,\"2\",{\"3\":[true]}]"))))
			.isEqualTo("2[\"hello\",1,\"2\",{\"3\":[true]}]");
		assertThat(text(new SioPacket(SioPacketType.EVENT, "/chat", 12, json("[\"hi\"]"), 0)))
			.isEqualTo("2/chat,12[\"hi\"]");
		assertThat(text(new SioPacket(SioPacketType.ACK, "/", 456, json("[1,\"2\"]"), 0))).isEqualTo("3456[1,\"2\"]");
	}

	@Test
	void encodesBinaryValuesAsPlaceholdersAndAttachments() {
		JsonNode data = Json.MAPPER.createArrayNode()
			.add("upload")
			.add(BinaryNode.valueOf(new byte[] { 1, 2, 3 }))
			.add(Json.MAPPER.createObjectNode().set("inner", BinaryNode.valueOf(new byte[] { 4 })));
		SioCodec.Encoded event = SioCodec.encode(SioPacket.of(SioPacketType.EVENT, "/", data));
		assertThat(event.text())
			.isEqualTo("52-[\"upload\",{\"_placeholder\":true,\"num\":0},{\"inner\":{\"_placeholder\":true,\"num\":1}}]");
		assertThat(event.attachments()).containsExactly(new byte[] { 1, 2, 3 }, new byte[] { 4 });
		assertThat(data.get(1).isBinary()).as("the caller's tree is untouched").isTrue();

		SioCodec.Encoded ack = SioCodec.encode(new SioPacket(SioPacketType.ACK, "/x", 7,
				Json.MAPPER.createArrayNode().add(BinaryNode.valueOf(new byte[] { 9 })), 0));
		assertThat(ack.text()).isEqualTo("61-/x,7[{\"_placeholder\":true,\"num\":0}]");
	}

	@Test
	void decodesConnectWithAndWithoutAuthAndNamespace() {
		assertThat(SioCodec.decode("0")).isEqualTo(new SioPacket(SioPacketType.CONNECT, "/", -1, null, 0));
		assertThat(SioCodec.decode("0{\"token\":\"123\"}").data()).isEqualTo(json("{\"token\":\"123\"}"));
		assertThat(SioCodec.decode("0/custom,")).isEqualTo(new SioPacket(SioPacketType.CONNECT, "/custom", -1, null, 0));
		assertThat(SioCodec.decode("0/custom")).isEqualTo(new SioPacket(SioPacketType.CONNECT, "/custom", -1, null, 0));
		SioPacket withAuth = SioCodec.decode("0/custom,{\"token\":\"abc\"}");
		assertThat(withAuth.namespace()).isEqualTo("/custom");
		assertThat(withAuth.data()).isEqualTo(json("{\"token\":\"abc\"}"));
	}

	@Test
	void decodesEventsAcksAndDisconnects() {
		SioPacket event = SioCodec.decode("2/chat,42[\"message\",1,\"2\",{\"3\":[true]}]");
		assertThat(event.type()).isEqualTo(SioPacketType.EVENT);
		assertThat(event.namespace()).isEqualTo("/chat");
		assertThat(event.ackId()).isEqualTo(42);
		assertThat(event.data()).isEqualTo(json("[\"message\",1,\"2\",{\"3\":[true]}]"));
		assertThat(SioCodec.decode("2[\"message\"]").hasAck()).isFalse();
		assertThat(SioCodec.decode("3456[1]")).isEqualTo(new SioPacket(SioPacketType.ACK, "/", 456, json("[1]"), 0));
		assertThat(SioCodec.decode("3456[]").data()).isEqualTo(json("[]"));
		assertThat(SioCodec.decode("1")).isEqualTo(new SioPacket(SioPacketType.DISCONNECT, "/", -1, null, 0));
		assertThat(SioCodec.decode("1/custom,").namespace()).isEqualTo("/custom");
		assertThat(SioCodec.decode("4{\"message\":\"no\"}").type()).isEqualTo(SioPacketType.CONNECT_ERROR);
		assertThat(SioCodec.decode("4\"no\"").data().stringValue()).isEqualTo("no");
		assertThat(SioCodec.decode("3" + SioCodec.MAX_ACK_ID + "[1]").ackId()).isEqualTo(SioCodec.MAX_ACK_ID);
	}

	@Test
	void decodesBinaryPacketsWithTheirAttachmentCount() {
		SioPacket event = SioCodec.decode("52-789[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		assertThat(event.type()).isEqualTo(SioPacketType.BINARY_EVENT);
		assertThat(event.attachments()).isEqualTo(2);
		assertThat(event.ackId()).isEqualTo(789);
		SioPacket ack = SioCodec.decode("61-/x,7[{\"_placeholder\":true,\"num\":0}]");
		assertThat(ack.type()).isEqualTo(SioPacketType.BINARY_ACK);
		assertThat(ack.namespace()).isEqualTo("/x");
		assertThat(ack.attachments()).isEqualTo(1);
	}

	@Test
	void roundTripsEveryPacketType() {
		for (String frame : List.of("0", "0/a,{\"k\":1}", "1/a,", "2[\"e\"]", "2/a,5[\"e\",null]", "3/a,5[]",
				"4/a,{\"message\":\"m\"}", "51-/a,3[\"e\",{\"_placeholder\":true,\"num\":0}]")) {
			SioPacket packet = SioCodec.decode(frame);
			if (packet.attachments() > 0) {
				packet = new BinaryAssembler(packet).add(new byte[] { 1 });
			}
			assertThat(SioCodec.encode(packet).text()).isEqualTo(frame);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "7", "abc", "x2[\"a\"]", "9" })
	void rejectsUnknownPacketTypes(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2{}", "2", "2[]", "2[1]", "2[null]", "2[{\"a\":1}]", "2\"event\"", "2[\"connect\"]",
			"2[\"disconnect\",1]", "2[\"newListener\"]", "0[]", "0\"auth\"", "1{}", "1[]", "3", "3[1]", "3{}", "4",
			"4[1]" })
	void rejectsPayloadsThatDoNotFitTheType(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class)
			.hasMessageContaining("invalid payload");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2[\"a\"", "2[\"a\"]]", "2[\"a\"] x", "2abc[\"message\"]", "2[\"a\",]", "0{token:1}",
			"2[\"a\"][\"b\"]" })
	void rejectsBadJsonAndBadAckIds(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "212345678901234567[\"a\"]", "29007199254740992[\"a\"]", "399999999999999999999[]" })
	void rejectsAckIdsBeyondWhatJavaScriptRepresentsExactly(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class)
			.hasMessageContaining("ack id overflow");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0123", "1/a,5", "4/a,1{\"message\":\"m\"}" })
	void rejectsAckIdsOnPacketsThatTakeNone(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "5[\"a\"]", "5-[\"a\"]", "5x-[\"a\"]", "511-[\"a\"]", "5123-[\"a\"]", "61[1]" })
	void rejectsBadOrExcessiveAttachmentCounts(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0/a b,", "0/a\tb", "2/a\u0000,[\"x\"]" })
	void rejectsNamespacesWithControlCharactersOrSpaces(String frame) {
		assertThatThrownBy(() -> SioCodec.decode(frame)).isInstanceOf(SioProtocolException.class)
			.hasMessageContaining("namespace");
	}

	@Test
	void rejectsOverlongNamespaces() {
		String namespace = "/" + "n".repeat(SioCodec.MAX_NAMESPACE_LENGTH);
		assertThatThrownBy(() -> SioCodec.decode("0" + namespace + ",")).isInstanceOf(SioProtocolException.class);
	}

}

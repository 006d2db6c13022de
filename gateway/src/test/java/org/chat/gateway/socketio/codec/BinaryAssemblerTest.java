package org.chat.gateway.socketio.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryAssemblerTest {

	@Test
	void replacesPlaceholdersOnceEveryAttachmentArrived() {
		BinaryAssembler assembler = new BinaryAssembler(SioCodec
			.decode("52-[\"message\",{\"_placeholder\":true,\"num\":1},[{\"_placeholder\":true,\"num\":0}]]"));
		assertThat(assembler.add(new byte[] { 1, 2, 3 })).isNull();
		SioPacket complete = assembler.add(new byte[] { 4, 5, 6 });
		assertThat(complete.type()).isEqualTo(SioPacketType.BINARY_EVENT);
		assertThat(complete.data().get(1).binaryValue()).containsExactly(4, 5, 6);
		assertThat(complete.data().get(2).get(0).binaryValue()).containsExactly(1, 2, 3);
	}

	@Test
	void rejectsPlaceholdersPointingOutsideTheAttachments() {
		BinaryAssembler assembler = new BinaryAssembler(
				SioCodec.decode("51-[\"message\",{\"_placeholder\":true,\"num\":1}]"));
		assertThatThrownBy(() -> assembler.add(new byte[] { 1 })).isInstanceOf(SioProtocolException.class)
			.hasMessageContaining("attachment index");
	}

	@Test
	void leavesObjectsThatOnlyLookLikePlaceholdersAlone() {
		BinaryAssembler assembler = new BinaryAssembler(SioCodec.decode(
				"51-[\"m\",{\"_placeholder\":\"true\",\"num\":0},{\"_placeholder\":true,\"num\":0}]"));
		SioPacket complete = assembler.add(new byte[] { 7 });
		assertThat(complete.data().get(1).isObject()).isTrue();
		assertThat(complete.data().get(2).isBinary()).isTrue();
	}

	@Test
	void onlyBinaryPacketsNeedAssembly() {
		assertThatThrownBy(() -> new BinaryAssembler(SioCodec.decode("2[\"a\"]")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}

package org.chat.contracts.json;

import java.time.Instant;
import java.util.List;

import org.chat.contracts.client.MessageView;
import org.chat.contracts.fanout.DeliveryReceipt;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRawTest {

	private final MessageView view = MessageView.of("m1", "hi \"there\" ✓", "alice", "bob", false,
			Instant.parse("2026-01-01T10:00:00Z"), "c1");

	@Test
	void aRawNodeWritesTheSameJsonAsTheTree() {
		assertThat(Json.writeString(RawJson.of(this.view))).isEqualTo(Json.writeString(Json.tree(this.view)));
	}

	@Test
	void gatewayMessagesSharingRawDataDecodeAsThoseBuiltFromTrees() {
		GatewayMessage fromTree = GatewayMessage.toUsers(List.of("bob"), "receive_private_message", this.view)
			.withReceipt(new DeliveryReceipt("m1", "alice"));
		var raw = RawJson.of(this.view);
		GatewayMessage toRecipient = new GatewayMessage(GatewayMessage.Kind.EMIT, List.of("bob"), null, null, false,
				"receive_private_message", raw, new DeliveryReceipt("m1", "alice"), null, null);
		GatewayMessage toSender = new GatewayMessage(GatewayMessage.Kind.EMIT, List.of("alice"), null, List.of("s1"),
				false, "receive_private_message", raw, null, null, null);

		List<GatewayMessage> decoded = GatewayBatch.fromJson(GatewayBatch.toJson(List.of(toRecipient, toSender)),
				bad -> {
					throw bad;
				});

		assertThat(decoded.get(0)).isEqualTo(fromTree);
		assertThat(decoded.get(1).data()).isEqualTo(fromTree.data());
		assertThat(decoded.get(1).exceptSessions()).containsExactly("s1");
	}

}

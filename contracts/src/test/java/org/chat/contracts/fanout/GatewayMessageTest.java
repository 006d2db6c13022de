package org.chat.contracts.fanout;

import java.util.List;
import java.util.Map;

import org.chat.contracts.client.MessageView;
import org.chat.contracts.client.UserView;
import org.chat.contracts.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMessageTest {

	@Test
	void emitToUsersWithReceiptRoundTrips() {
		GatewayMessage sent = GatewayMessage
			.toUsers(List.of("bob"), "receive_private_message",
					MessageView.of("m1", "hi", "alice", "bob", false, null, null))
			.withReceipt(new DeliveryReceipt("m1", "alice"))
			.except(List.of("s9"));

		GatewayMessage read = GatewayMessage.fromJson(sent.toJson());

		assertThat(read).isEqualTo(sent);
		assertThat(read.data().tree().get("_id").asString()).isEqualTo("m1");
		assertThat(read.data().tree().get("isPrivate").asBoolean()).isTrue();
		assertThat(read.data().tree().get("fromUserId").asString()).isEqualTo("alice");
	}

	@Test
	void replyCarriesAckAndOptionalEvent() {
		GatewayMessage reply = GatewayMessage.reply("s1", "e5", "unread_counts", List.of(),
				Map.of("ok", true));

		GatewayMessage read = GatewayMessage.fromJson(reply.toJson());

		assertThat(read.kind()).isEqualTo(GatewayMessage.Kind.REPLY);
		assertThat(read.sessions()).containsExactly("s1");
		assertThat(read.replyTo()).isEqualTo("e5");
		assertThat(read.ack().tree().get("ok").asBoolean()).isTrue();
	}

	@Test
	void userViewHasMongooseStyleId() {
		String json = Json.writeString(UserView.of("alice", "Alice", null, null, true));

		assertThat(json).isEqualTo("{\"id\":\"alice\",\"_id\":\"alice\",\"name\":\"Alice\",\"isOnline\":true}");
	}

}

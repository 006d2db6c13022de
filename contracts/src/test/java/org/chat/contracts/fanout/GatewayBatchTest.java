package org.chat.contracts.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chat.contracts.json.ContractViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayBatchTest {

	private final List<ContractViolation> bad = new ArrayList<>();

	private final GatewayMessage first = GatewayMessage.toUsers(List.of("bob"), "receive_private_message",
			Map.of("_id", "m1")).withReceipt(new DeliveryReceipt("m1", "alice"));

	private final GatewayMessage second = GatewayMessage.toUsers(List.of("bob"), "unread_count_update",
			Map.of("fromUserId", "alice", "count", 1));

	private final GatewayMessage third = GatewayMessage.reply("s1", "e5", null, null, Map.of("ok", true));

	@Test
	void manyMessagesRoundTripAsOneArrayInOrder() {
		String json = GatewayBatch.toJson(List.of(this.first, this.second, this.third));

		assertThat(json).startsWith("[");
		assertThat(GatewayBatch.fromJson(json, this.bad::add)).containsExactly(this.first, this.second, this.third);
		assertThat(this.bad).isEmpty();
	}

	@Test
	void oneMessageIsWrittenAsThePlainObjectOldGatewaysRead() {
		String json = GatewayBatch.toJson(List.of(this.first));

		assertThat(json).isEqualTo(this.first.toJson());
		assertThat(GatewayMessage.fromJson(json)).isEqualTo(this.first);
		assertThat(GatewayBatch.fromJson(json, this.bad::add)).containsExactly(this.first);
	}

	@Test
	void aBadElementIsReportedAndTheOthersKept() {
		String json = "[" + this.first.toJson() + ",42,{\"kind\":\"NOPE\"}," + this.second.toJson() + "]";

		assertThat(GatewayBatch.fromJson(json, this.bad::add)).containsExactly(this.first, this.second);
		assertThat(this.bad).hasSize(2);
	}

	@Test
	void garbageYieldsNothingAndOneReport() {
		assertThat(GatewayBatch.fromJson("{not json", this.bad::add)).isEmpty();
		assertThat(GatewayBatch.fromJson("\"text\"", this.bad::add)).isEmpty();
		assertThat(this.bad).hasSize(2);
	}

	@Test
	void anEmptyBatchIsNotWritten() {
		assertThatThrownBy(() -> GatewayBatch.toJson(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}

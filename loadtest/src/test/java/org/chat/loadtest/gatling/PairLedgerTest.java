package org.chat.loadtest.gatling;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.gatling.http.action.ws.WsInboundMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairLedgerTest {

	private static WsInboundMessage text(String frame) {
		return new WsInboundMessage.Text(0L, frame);
	}

	private static WsInboundMessage received(String clientMessageId) {
		return text(receivedFrame(clientMessageId));
	}

	private static String receivedFrame(String clientMessageId) {
		return "42[\"receive_private_message\",{\"id\":\"m\",\"text\":\"gatling\",\"sender\":\"x\","
				+ "\"clientMessageId\":\"" + clientMessageId + "\",\"fromUserId\":\"x\",\"toUserId\":\"y\"}]";
	}

	@Test
	void ackedMessageIsUndeliveredUntilThePartnerSocketReceivesIt() {
		PairLedger ledger = new PairLedger();
		ledger.acked("b", "1");
		ledger.acked("a", "2");
		assertThat(ledger.undelivered()).isEqualTo(2);

		ledger.collect("b", List.of(received("1")));
		assertThat(ledger.undelivered()).isEqualTo(1);

		ledger.collect("a", List.of(received("2")));
		assertThat(ledger.undelivered()).isZero();
	}

	@Test
	void receivedOnTheSendingSocketDoesNotCount() {
		PairLedger ledger = new PairLedger();
		ledger.acked("b", "1");

		ledger.collect("a", List.of(received("1")));

		assertThat(ledger.undelivered()).isEqualTo(1);
	}

	@Test
	void onlyReceivePrivateMessageFramesCount() {
		PairLedger ledger = new PairLedger();
		ledger.acked("b", "1");

		ledger.collect("b", List.of(text("432[{\"ok\":true,\"messageId\":\"m\",\"clientMessageId\":\"1\"}]"),
				text("42[\"message_delivered\",{\"messageId\":\"m\",\"clientMessageId\":\"1\"}]"),
				text("42[\"unread_count_update\",{\"fromUserId\":\"x\",\"count\":1}]"),
				new WsInboundMessage.Binary(0L, receivedFrame("1").getBytes(StandardCharsets.UTF_8))));

		assertThat(ledger.undelivered()).isEqualTo(1);
	}

	@Test
	void aFrameWithoutClientMessageIdIsIgnored() {
		PairLedger ledger = new PairLedger();
		ledger.acked("b", "1");

		ledger.collect("b", List.of(text("42[\"receive_private_message\",{\"id\":\"m\",\"text\":\"1\"}]")));

		assertThat(ledger.undelivered()).isEqualTo(1);
	}

}

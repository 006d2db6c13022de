package org.chat.loadtest.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisconnectWindowTest {

	@Test
	void readsTheCounterByReasonAndNothingElse() {
		String text = """
				# HELP chat_gateway_disconnects_total chat sockets ended, by reason
				# TYPE chat_gateway_disconnects_total counter
				chat_gateway_disconnects_total{reason="ping timeout"} 12.0
				chat_gateway_disconnects_total{application="gateway",reason="transport close"} 3.0
				chat_gateway_shed_total{reason="overflow"} 7.0
				""";

		assertThat(DisconnectWindow.counts(text)).isEqualTo(Map.of("ping timeout", 12.0, "transport close", 3.0));
	}

	@Test
	void anIncreaseIsEndMinusStartOrTheWholeEndAfterARestart() {
		Map<String, Long> increase = DisconnectWindow.increase(
				Map.of("ping timeout", 10.0, "transport close", 50.0),
				Map.of("ping timeout", 25.0, "transport close", 4.0, "server error", 1.0));

		assertThat(increase).isEqualTo(Map.of("ping timeout", 15L, "transport close", 4L, "server error", 1L));
	}

}

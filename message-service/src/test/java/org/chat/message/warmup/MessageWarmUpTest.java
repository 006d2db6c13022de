package org.chat.message.warmup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The warm-up's send and receipt go all the way through decoding, parsing, BSON and fan-out encoding (a round
 * throws when a record is not decoded or the send is refused, so a contract change that broke them shows here).
 */
class MessageWarmUpTest {

	@Test
	void roundsRunTheBatchPipelinesInMemorySteps() {
		MessageWarmUp warmUp = new MessageWarmUp();

		assertThatCode(() -> {
			for (int i = 0; i < 3; i++) {
				warmUp.round();
			}
		}).doesNotThrowAnyException();
	}

}

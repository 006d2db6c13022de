package org.chat.loadtest.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLedgerTest {

	@Test
	void firstWindowsHoldTheFirstMessagesWarmUpIncludedAndTheMeasuredWindowOnlyItsOwn() {
		// 10 messages, the first 4 unmeasured warm-up; windows of the first 3 and the first 6 messages
		MessageLedger ledger = new MessageLedger(10, 4, new int[] { 3, 6 });
		for (int seq = 0; seq < 10; seq++) {
			ledger.sent(seq, 0);
			ledger.acked(seq, true, (seq + 1) * 1_000_000L); // seq n: acked after (n+1) ms
			ledger.received(seq, (seq + 1) * 2_000_000L); // seq n: received after 2(n+1) ms
		}

		Histogram[] first3 = ledger.first(0);
		assertThat(first3[0].getTotalCount()).isEqualTo(3);
		assertThat(first3[0].getMaxValue() / 1000).isEqualTo(6); // seq 2: 6 ms one-way
		assertThat(first3[1].getMaxValue() / 1000).isEqualTo(3); // seq 2: 3 ms ack
		assertThat(ledger.first(1)[0].getTotalCount()).isEqualTo(6);
		MessageLedger.Totals totals = ledger.totals(10);
		assertThat(totals.oneWay().getTotalCount()).isEqualTo(6);
		assertThat(totals.oneWay().getMinValue() / 1000).isEqualTo(10); // seq 4: 10 ms
	}

}

package org.chat.notification.decide;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetTrackerTest {

	private static final TopicPartition P0 = new TopicPartition("chat.messages", 0);

	private static final TopicPartition P1 = new TopicPartition("chat.messages", 1);

	private final OffsetTracker tracker = new OffsetTracker();

	@Test
	void theCommitStopsAtTheOldestOpenDecisionUntilItCloses() {
		consume(P0, 10, true);
		consume(P0, 11, false);
		consume(P0, 12, true);
		consume(P0, 13, false);
		assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));

		this.tracker.close(P0, 12); // decided out of order: 10 still holds the commit
		assertThat(committed()).isEmpty();
		this.tracker.close(P0, 10);
		assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(14)));
		assertThat(committed()).as("unchanged offsets are not committed again").isEmpty();
	}

	@Test
	void partitionsAreIndependentAndForgottenOnRevocation() {
		consume(P0, 5, true);
		consume(P1, 7, false);
		assertThat(this.tracker.committable(List.of(P1))).isEqualTo(Map.of(P1, new OffsetAndMetadata(8)));
		this.tracker.forget(List.of(P0));
		this.tracker.close(P0, 5); // a decision finishing after its partition left changes nothing
		assertThat(this.tracker.committable(null)).isEqualTo(Map.of(P1, new OffsetAndMetadata(8)));
		assertThat(this.tracker.openCount()).isZero();
	}

	@Test
	void twoDecisionsOnOneRecordBothHoldIt() {
		consume(P0, 3, true);
		this.tracker.hold(P0, 3);
		this.tracker.close(P0, 3);
		assertThat(this.tracker.committable(null)).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
		this.tracker.close(P0, 3);
		assertThat(this.tracker.committable(null)).isEqualTo(Map.of(P0, new OffsetAndMetadata(4)));
	}

	private void consume(TopicPartition partition, long offset, boolean open) {
		this.tracker.consumed(partition, offset);
		if (open) {
			this.tracker.hold(partition, offset);
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committed() {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.tracker.committable(null);
		this.tracker.committed(offsets);
		return offsets;
	}

}

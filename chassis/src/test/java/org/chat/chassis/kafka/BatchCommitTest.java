package org.chat.chassis.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.mock.MockConsumerFactory;
import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared batch container commits a processed batch without waiting for the broker's answer: a synchronous
 * commit held the consumer thread for a broker round trip per batch, which at light load was longer than the
 * batch itself and queued every later record behind it.
 */
class BatchCommitTest {

	private static final TopicPartition P = new TopicPartition("chassis-commit", 0);

	@Test
	void aProcessedBatchIsCommittedWithoutBlockingTheConsumerThread() throws Exception {
		CommitRecordingConsumer consumer = new CommitRecordingConsumer();
		consumer.schedulePollTask(() -> {
			consumer.updateBeginningOffsets(Map.of(P, 0L));
			consumer.rebalance(List.of(P));
			for (int offset = 0; offset < 3; offset++) {
				consumer.addRecord(new ConsumerRecord<>(P.topic(), P.partition(), offset, "k", new byte[] { 1 }));
			}
		});
		var factory = KafkaConsumerConfiguration.batchContainerFactory(new MockConsumerFactory<>(() -> consumer), 1,
				new FixedBackOff(10, 0));
		ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(P.topic());
		container.getContainerProperties().setGroupId("chassis-commit");
		CountDownLatch processed = new CountDownLatch(1);
		container.setupMessageListener((BatchMessageListener<String, byte[]>) records -> processed.countDown());
		container.start();
		try {
			assertThat(processed.await(10, TimeUnit.SECONDS)).isTrue();
			// (the container also commits the position it was assigned, offset 0)
			Map<TopicPartition, OffsetAndMetadata> commit;
			do {
				commit = consumer.committedAsync.poll(10, TimeUnit.SECONDS);
			}
			while (commit != null && !commit.equals(Map.of(P, new OffsetAndMetadata(3))));
			assertThat(commit).as("the batch's commit").isEqualTo(Map.of(P, new OffsetAndMetadata(3)));
			assertThat(consumer.committedSync).as("commits that waited for the broker").isEmpty();
		}
		finally {
			container.stop();
		}
	}

	/** A mock consumer that tells the two kinds of commit apart. */
	private static final class CommitRecordingConsumer extends MockConsumer<String, byte[]> {

		final BlockingQueue<Map<TopicPartition, OffsetAndMetadata>> committedAsync = new LinkedBlockingQueue<>();

		final List<Map<TopicPartition, OffsetAndMetadata>> committedSync = new CopyOnWriteArrayList<>();

		CommitRecordingConsumer() {
			super("earliest");
		}

		/** MockConsumer's commitSync delegates to commitAsync: such a call is not an asynchronous commit */
		private boolean inSync;

		@Override
		public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
			if (!this.inSync) {
				this.committedAsync.add(Map.copyOf(offsets));
			}
			super.commitAsync(offsets, callback);
		}

		@Override
		public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
			synchronous(offsets, () -> super.commitSync(offsets));
		}

		@Override
		public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
			synchronous(offsets, () -> super.commitSync(offsets, timeout));
		}

		private void synchronous(Map<TopicPartition, OffsetAndMetadata> offsets, Runnable commit) {
			if (!this.inSync) {
				this.committedSync.add(Map.copyOf(offsets));
			}
			boolean outer = !this.inSync;
			this.inSync = true;
			try {
				commit.run();
			}
			finally {
				if (outer) {
					this.inSync = false;
				}
			}
		}

	}

}

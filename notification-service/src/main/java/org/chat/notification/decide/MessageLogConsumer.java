package org.chat.notification.decide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.chat.contracts.Topics;
import org.chat.contracts.events.MarkRead;
import org.chat.contracts.events.MessageDelivered;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.json.ContractViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads chat.messages as its own consumer group (the message-service's offsets and pace are untouched) and
 * feeds sends, delivery receipts and reads to the {@link PushDecider}. A plain consumer loop rather than a
 * listener container: a send's offset is committed only once its decision is made, seconds after later
 * records were processed, which the containers' commit modes do not express.
 */
public class MessageLogConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MessageLogConsumer.class);

	private final ConsumerFactory<String, byte[]> consumers;

	private final PushDecider decider;

	private volatile Consumer<String, byte[]> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	private volatile boolean assigned;

	public MessageLogConsumer(ConsumerFactory<String, byte[]> consumers, PushDecider decider) {
		this.consumers = consumers;
		this.decider = decider;
	}

	/** True once partitions of chat.messages are assigned: from then on, every new send is considered. */
	public boolean isAssigned() {
		return this.assigned;
	}

	@Override
	public void start() {
		this.consumer = this.consumers.createConsumer(Topics.NOTIFICATION_SERVICE_GROUP, null);
		this.running = true;
		this.thread = new Thread(this::run, "push-decider-consumer");
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			if (this.thread != null) {
				this.thread.join(Duration.ofSeconds(10).toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		Consumer<String, byte[]> kafka = this.consumer;
		try (kafka) {
			kafka.subscribe(List.of(Topics.MESSAGES), new Rebalance());
			while (this.running) {
				process(kafka, kafka.poll(Duration.ofMillis(200)));
			}
			commit(kafka, null);
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			log.error("push decider consumer stopped", ex);
		}
		finally {
			this.assigned = false;
		}
	}

	/** One poll's records, one session lookup for its sends, then the commit of what is decided. */
	void process(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
		List<PendingPush> sends = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			handle(record, sends);
		}
		this.decider.lookUpSessions(sends);
		commit(kafka, null);
	}

	private void handle(ConsumerRecord<String, byte[]> record, List<PendingPush> sends) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		this.decider.offsets.consumed(partition, record.offset());
		MessageLogRecords.Event event;
		try {
			event = MessageLogRecords.decode(record);
		}
		catch (ContractViolation ex) {
			// the message-service logs undecodable records; nothing to push for them
			log.debug("skipping {}@{}: {}", partition, record.offset(), ex.getMessage());
			return;
		}
		if (event == null) {
			return;
		}
		if (event.payload() instanceof SendMessage send) {
			if (send.messageId() != null && send.toUserId() != null && send.createdAt() != null) {
				PendingPush push = this.decider.register(partition, record.offset(), event.userId(), send.toUserId(),
						send.messageId(), send.text(), send.createdAt());
				if (push != null) {
					sends.add(push);
				}
			}
		}
		else if (event.payload() instanceof MessageDelivered delivered) {
			this.decider.onDelivered(event.userId(), delivered.messageId());
		}
		else if (event.payload() instanceof MarkRead read && read.otherUserId() != null) {
			this.decider.onRead(partition, record.offset(), event.userId(), read.otherUserId());
		}
	}

	private void commit(Consumer<String, byte[]> kafka, Collection<TopicPartition> only) {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.decider.offsets.committable(only);
		if (offsets.isEmpty()) {
			return;
		}
		if (only == null) {
			kafka.commitAsync(offsets, (done, error) -> {
				if (error == null) {
					this.decider.offsets.committed(done);
				}
			});
		}
		else {
			kafka.commitSync(offsets);
			this.decider.offsets.committed(offsets);
		}
	}

	private final class Rebalance implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			try {
				commit(MessageLogConsumer.this.consumer, partitions);
			}
			catch (RuntimeException ex) {
				log.warn("commit at revocation failed; the next owner re-reads from the last commit: {}", ex.toString());
			}
			MessageLogConsumer.this.decider.forget(partitions);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			MessageLogConsumer.this.decider.forget(partitions);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			MessageLogConsumer.this.assigned = true;
			log.info("push decider reads {} partitions of {}", partitions.size(), Topics.MESSAGES);
		}

	}

}

package org.chat.chassis.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chat.chassis.instance.InstanceProperties;
import org.chat.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared batch consumer against a real broker: its threads join as static members (the instance id with
 * the thread's suffix) under cooperative-sticky assignment, and a graceful stop lets the batches in flight
 * finish and commits them, so the next owner of those partitions does not process them again.
 */
class BatchConsumerIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final String bootstrap = TestInfra.get().kafkaBootstrapServers();

	private final String topic = "chassis-it-" + UUID.randomUUID();

	private final String group = "chassis-it-" + UUID.randomUUID();

	@Test
	void staticMembersUnderCooperativeAssignmentCommitTheBatchesInFlightWhenStopped() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			admin.createTopics(List.of(new NewTopic(this.topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
			List<ConsumerRecord<String, byte[]>> processed = new CopyOnWriteArrayList<>();
			CountDownLatch inBatch = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			ConcurrentMessageListenerContainer<String, byte[]> container = container();
			container.setupMessageListener((BatchMessageListener<String, byte[]>) records -> {
				inBatch.countDown();
				await(release);
				processed.addAll(records);
			});
			container.start();
			try {
				ConsumerGroupDescription description = awaitMembers(admin, 2);
				assertThat(description.partitionAssignor()).isEqualTo("cooperative-sticky");
				assertThat(description.members().stream().map(m -> m.groupInstanceId().orElse("dynamic")))
					.containsExactlyInAnyOrder("svc-a-0", "svc-a-1");
				produce(40);
				assertThat(inBatch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

				// stop while a batch is in flight, then let it finish
				Thread stopper = new Thread(container::stop, "stopper");
				stopper.start();
				Thread.sleep(300);
				release.countDown();
				stopper.join(WAIT.toMillis());
				assertThat(stopper.isAlive()).isFalse();
			}
			finally {
				release.countDown();
				container.stop();
			}

			assertThat(processed).isNotEmpty();
			Map<TopicPartition, Long> processedUpTo = processed.stream()
				.collect(Collectors.toMap(r -> new TopicPartition(r.topic(), r.partition()), r -> r.offset() + 1,
						Math::max));
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, Long> committedUpTo = new HashMap<>();
			committed.forEach((partition, offset) -> committedUpTo.put(partition, offset.offset()));
			assertThat(committedUpTo).isEqualTo(processedUpTo);
		}
	}

	private ConcurrentMessageListenerContainer<String, byte[]> container() {
		ConsumerProperties consumer = new ConsumerProperties(5, 2, Duration.ofSeconds(30), Duration.ofSeconds(1),
				Duration.ofSeconds(10), Duration.ofSeconds(3));
		var factory = new KafkaConsumerConfiguration().kafkaListenerContainerFactory(new KafkaProperties(),
				() -> List.of(this.bootstrap), consumer, new InstanceProperties("svc-a"), new SimpleMeterRegistry(),
				new StaticListableBeanFactory().getBeanProvider(ConsumerRebalanceListener.class));
		ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(this.topic);
		container.getContainerProperties().setGroupId(this.group);
		return container;
	}

	private ConsumerGroupDescription awaitMembers(Admin admin, int members) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(this.group))
				.describedGroups()
				.get(this.group)
				.get(30, TimeUnit.SECONDS);
			Set<String> assigned = description.members()
				.stream()
				.filter(m -> !m.assignment().topicPartitions().isEmpty())
				.map(MemberDescription::consumerId)
				.collect(Collectors.toSet());
			if (assigned.size() == members || System.nanoTime() > deadline) {
				return description;
			}
			Thread.sleep(100);
		}
	}

	private void produce(int count) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(this.topic, "k" + i, new byte[] { (byte) i })).get(30, TimeUnit.SECONDS);
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package org.chat.presence.support;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.chat.contracts.Topics;
import org.chat.testsupport.TestInfra;

/** How far the presence-service consumer group is behind the end of chat.presence. */
public final class ConsumerLag {

	private ConsumerLag() {
	}

	/** @return records produced to chat.presence that the group has not committed yet */
	public static long ofPresenceService() {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin
				.listConsumerGroupOffsets(Topics.PRESENCE_SERVICE_GROUP)
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			var partitions = admin.describeTopics(java.util.List.of(Topics.PRESENCE))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(Topics.PRESENCE)
				.partitions()
				.stream()
				.map(p -> new TopicPartition(Topics.PRESENCE, p.partition()))
				.collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
			var ends = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
			return ends.entrySet().stream().mapToLong(end -> {
				OffsetAndMetadata done = committed.get(end.getKey());
				return end.getValue().offset() - (done == null ? 0 : done.offset());
			}).sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read consumer lag", ex);
		}
	}

}

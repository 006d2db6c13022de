package org.chat.infra.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.chat.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the chat topics (replication 1, min.insync.replicas 1), or grows them to the configured partition count. */
public final class ChatTopics {

	public static final List<String> NAMES = List.of(Topics.MESSAGES, Topics.QUERIES, Topics.PRESENCE);

	private static final Logger log = LoggerFactory.getLogger(ChatTopics.class);

	private static final long TIMEOUT_SECONDS = 30;

	private ChatTopics() {
	}

	public static void ensure(String bootstrapServers, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			List<NewTopic> missing = NAMES.stream()
				.filter(name -> !existing.contains(name))
				.map(name -> new NewTopic(name, partitions, (short) 1).configs(Map.of("min.insync.replicas", "1")))
				.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				log.info("Created topics {} with {} partitions", missing.stream().map(NewTopic::name).toList(), partitions);
			}
			growIfNeeded(admin, existing, partitions);
		}
	}

	private static void growIfNeeded(Admin admin, Set<String> existing, int partitions) throws Exception {
		List<String> present = NAMES.stream().filter(existing::contains).toList();
		if (present.isEmpty()) {
			return;
		}
		Map<String, TopicDescription> described = admin.describeTopics(present)
			.allTopicNames()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		for (TopicDescription topic : described.values()) {
			int current = topic.partitions().size();
			if (current < partitions) {
				admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(partitions)))
					.all()
					.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				log.info("Grew topic {} from {} to {} partitions", topic.name(), current, partitions);
			}
		}
	}

}

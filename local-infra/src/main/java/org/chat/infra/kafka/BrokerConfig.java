package org.chat.infra.kafka;

import java.util.Properties;

/** Server properties of a combined broker+controller sized for a laptop or a CI box. */
final class BrokerConfig {

	static final int NODE_ID = 1;

	static final String CONTROLLER_LISTENER = "CONTROLLER";

	private BrokerConfig() {
	}

	static Properties of(KafkaSettings settings) {
		Properties p = new Properties();
		String host = settings.host();
		p.put("process.roles", "broker,controller");
		p.put("node.id", String.valueOf(NODE_ID));
		p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
		p.put("listeners", "PLAINTEXT://" + host + ":" + settings.port() + "," + CONTROLLER_LISTENER + "://" + host + ":"
				+ settings.controllerPort());
		p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port());
		p.put("controller.listener.names", CONTROLLER_LISTENER);
		p.put("inter.broker.listener.name", "PLAINTEXT");
		p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		p.put("log.dirs", settings.logDir().toString());
		p.put("metadata.log.dir", settings.logDir().toString());
		p.put("num.partitions", String.valueOf(settings.partitions()));
		p.put("default.replication.factor", "1");
		p.put("min.insync.replicas", "1");
		// Single node: every internal topic must accept replication factor 1.
		p.put("offsets.topic.replication.factor", "1");
		p.put("offsets.topic.num.partitions", "6");
		p.put("transaction.state.log.replication.factor", "1");
		p.put("transaction.state.log.min.isr", "1");
		p.put("transaction.state.log.num.partitions", "3");
		p.put("share.coordinator.state.topic.replication.factor", "1");
		p.put("share.coordinator.state.topic.min.isr", "1");
		// The broker is unfenced (and startup returns) one heartbeat after it caught up: 0.5 s, not 2 s.
		// (Shorter makes heartbeats expire in the controller queue, deadline = interval / 2, on a busy box.)
		p.put("broker.heartbeat.interval.ms", "500");
		// Consumers of a fresh group start at once instead of waiting 3 s for more members.
		p.put("group.initial.rebalance.delay.ms", "0");
		// Small footprint: few threads, a small compaction buffer (the default is 128 MB).
		p.put("num.network.threads", "2");
		p.put("num.io.threads", "2");
		p.put("num.recovery.threads.per.data.dir", "1");
		p.put("background.threads", "2");
		p.put("log.cleaner.threads", "1");
		p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
		return p;
	}

}
